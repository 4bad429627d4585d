//! Resource endpoints, one module per resource (later milestones: clients, documents, files,
//! signatures, certificates, tokens, participants, lookup, submissions, events, webhooks).

pub mod document_reads;
pub mod documents;
pub mod submissions;
pub mod whoami;
