//! Scopes, one per resource and access (`documents:read`, `documents:write`, …).

use std::collections::BTreeSet;
use std::fmt;

/// Defines [`Scope`] and, in [`need`], one marker type per scope for the `Scoped` extractor,
/// from one list, so a new scope is one line.
macro_rules! scopes {
	($($name:ident => $token:literal),* $(,)?) => {
		/// A scope the gateway knows.
		#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
		pub enum Scope {
			$($name,)*
		}

		impl Scope {
			/// Every scope, in a fixed order.
			pub const ALL: &'static [Scope] = &[$(Scope::$name,)*];

			/// The scope token (RFC 6749 §3.3).
			pub fn as_str(self) -> &'static str {
				match self {
					$(Scope::$name => $token,)*
				}
			}
		}

		/// Marker types for [`crate::auth::principal::Scoped`], one per scope:
		/// `Scoped<need::DocumentsRead>`.
		pub mod need {
			use super::Scope;
			use crate::auth::principal::RequiredScope;
			$(
				#[doc = concat!("Requires `", $token, "`.")]
				#[derive(Debug, Clone, Copy)]
				pub struct $name;
				impl RequiredScope for $name {
					const SCOPE: Scope = Scope::$name;
				}
			)*
		}
	};
}

scopes! {
	DocumentsRead => "documents:read",
	DocumentsWrite => "documents:write",
	DocumentsSign => "documents:sign",
	ClientsRead => "clients:read",
	ClientsWrite => "clients:write",
	CertificatesRead => "certificates:read",
	CertificatesIssue => "certificates:issue",
	AttestationsRead => "attestations:read",
	TokensRead => "tokens:read",
	TokensWrite => "tokens:write",
	SubmissionsRead => "submissions:read",
	WebhooksManage => "webhooks:manage",
	EventsRead => "events:read",
}

/// A person's scopes unless given: a client's, who reads and signs their own contracts and sees
/// their record, certificates, attestations and submissions. Staff are given write scopes
/// explicitly.
pub const PERSON_SCOPES: &str = "documents:read documents:sign clients:read certificates:read \
	 attestations:read submissions:read events:read";

/// The most a person's tokens carry: the scopes recorded for them, a client's when none are (a
/// person created before scopes were per person).
pub fn person_scopes(recorded: Option<&str>) -> ScopeSet {
	ScopeSet::parse_lenient(recorded.unwrap_or(PERSON_SCOPES))
}

impl Scope {
	/// The scope named by `token`.
	pub fn parse(token: &str) -> Option<Scope> {
		Scope::ALL.iter().copied().find(|s| s.as_str() == token)
	}
}

impl fmt::Display for Scope {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.as_str())
	}
}

/// A scope token that is not a known scope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown scope {0:?}")]
pub struct UnknownScope(pub String);

/// A set of scopes; written as space-separated tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeSet(BTreeSet<Scope>);

impl ScopeSet {
	/// Parses a `scope` parameter: every token must be known.
	pub fn parse_strict(text: &str) -> Result<ScopeSet, UnknownScope> {
		text.split_ascii_whitespace()
			.map(|t| Scope::parse(t).ok_or_else(|| UnknownScope(t.to_string())))
			.collect::<Result<BTreeSet<_>, _>>()
			.map(ScopeSet)
	}

	/// Parses a stored value, skipping tokens no longer known (logged).
	pub fn parse_lenient(text: &str) -> ScopeSet {
		ScopeSet(
			text.split_ascii_whitespace()
				.filter_map(|t| {
					let scope = Scope::parse(t);
					if scope.is_none() {
						tracing::warn!(scope = t, "ignoring an unknown stored scope");
					}
					scope
				})
				.collect(),
		)
	}

	/// Every scope.
	pub fn all() -> ScopeSet {
		ScopeSet(Scope::ALL.iter().copied().collect())
	}

	pub fn contains(&self, scope: Scope) -> bool {
		self.0.contains(&scope)
	}

	pub fn is_empty(&self) -> bool {
		self.0.is_empty()
	}

	pub fn is_subset(&self, other: &ScopeSet) -> bool {
		self.0.is_subset(&other.0)
	}

	/// The scopes in both sets.
	pub fn intersection(&self, other: &ScopeSet) -> ScopeSet {
		ScopeSet(self.0.intersection(&other.0).copied().collect())
	}

	pub fn iter(&self) -> impl Iterator<Item = Scope> + '_ {
		self.0.iter().copied()
	}

	/// The tokens, for JSON.
	pub fn to_vec(&self) -> Vec<String> {
		self.iter().map(|s| s.as_str().to_string()).collect()
	}
}

impl FromIterator<Scope> for ScopeSet {
	fn from_iter<I: IntoIterator<Item = Scope>>(iter: I) -> ScopeSet {
		ScopeSet(iter.into_iter().collect())
	}
}

impl fmt::Display for ScopeSet {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let mut first = true;
		for scope in &self.0 {
			if !first {
				f.write_str(" ")?;
			}
			f.write_str(scope.as_str())?;
			first = false;
		}
		Ok(())
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	#[test]
	fn round_trips_and_refuses_unknown_tokens() {
		let set = ScopeSet::parse_strict("documents:write  documents:read").unwrap();
		assert_eq!(set.to_string(), "documents:read documents:write");
		assert_eq!(
			ScopeSet::parse_strict("documents:read admin"),
			Err(UnknownScope("admin".into()))
		);
		assert!(ScopeSet::parse_strict("").unwrap().is_empty());
		assert_eq!(ScopeSet::parse_lenient("tokens:read nonsense").to_string(), "tokens:read");
	}

	#[test]
	fn a_persons_default_scopes_are_known_and_read_their_attestations() {
		let set = ScopeSet::parse_strict(PERSON_SCOPES).unwrap();
		assert!(set.contains(Scope::CertificatesRead) && set.contains(Scope::AttestationsRead));
		assert_eq!(Scope::parse("attestations:read"), Some(Scope::AttestationsRead));
		assert!(ScopeSet::all().contains(Scope::AttestationsRead));
	}
}
