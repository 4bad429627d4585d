//! Resource endpoints, one module per resource: documents (writes) and document_reads, the
//! signatures of clients (client_signing, own_signature) and what the chain will take of a batch
//! (signable), files, certificates, attestations, participants (public keys), events (page and
//! stream), webhooks, tokens, submissions, clients, whoami.

pub mod attestations;
pub mod certificates;
pub mod client_signing;
pub mod clients;
pub mod document_reads;
pub mod documents;
pub mod events;
pub mod files;
mod own_signature;
pub mod participants;
mod recorded;
mod signable;
pub mod stream_slots;
pub mod submissions;
pub mod tokens;
pub mod webhooks;
pub mod whoami;
