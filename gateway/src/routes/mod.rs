//! Resource endpoints, one module per resource: documents (writes) and document_reads,
//! submissions, whoami. Later: clients, files, certificates, tokens, participants, lookup,
//! events, webhooks.

pub mod document_reads;
pub mod documents;
pub mod submissions;
pub mod whoami;
