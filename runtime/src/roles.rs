//! Roles the runtime itself declares, for what its contracts check (they are no pallet's).

pactum_primitives::declare_roles! {
	/// An operator of a roaming agreement (the roaming contract admits only holders).
	RoamingOperator = 9,
}
