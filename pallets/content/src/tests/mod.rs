//! Unit tests of the content pallet, one file per area.

mod licences;
mod lifecycle;
mod payments;
mod registration;
mod rights;
