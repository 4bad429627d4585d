//! Registration and ownership: registering a content (its NFT in the content collection, its
//! standard rights held in full by the registrant, the content deposit, the registry references
//! on its creators and owner) and giving its NFT away; the collection in pallet-nfts, owned by
//! this pallet's account.

use crate::{pallet::*, types::whole, ContentId, ContentRecord, Digest, Right, Royalties};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::nonfungibles_v2::{
			Create, Inspect as NftInspect, Mutate as NftMutate, Transfer as NftTransfer,
		},
	},
};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::Permill;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register(
		who: T::AccountId,
		content_hash: Digest,
		uri: BoundedVec<u8, T::MaxUriLen>,
		creators: BoundedVec<(T::AccountId, Permill), T::MaxCreators>,
		royalties: Royalties,
	) -> DispatchResult {
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		ensure!(!ByHash::<T>::contains_key(content_hash), Error::<T>::ContentExists);
		ensure!(!creators.is_empty(), Error::<T>::NoCreators);
		ensure!(whole(creators.iter()), Error::<T>::SharesNotWhole);
		for (i, (creator, _)) in creators.iter().enumerate() {
			ensure!(
				!creators.iter().skip(i + 1).any(|(other, _)| other == creator),
				Error::<T>::DuplicateCreator
			);
			T::Registry::ensure_active(creator).map_err(Error::<T>::from)?;
		}
		ensure!(
			royalties.first_sale.is_whole() && royalties.later.is_whole(),
			Error::<T>::SharesNotWhole
		);
		let content = NextContent::<T>::get();
		let next = content.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::ContentDeposit::get();
		<T as Config>::Currency::hold(&HoldReason::Content.into(), &who, deposit)?;
		Self::mint(content, &who, &uri)?;
		let holder: HoldersOf<T> =
			BoundedVec::truncate_from(alloc::vec![(who.clone(), Permill::one())]);
		let rights = BoundedVec::truncate_from(Right::STANDARD.to_vec());
		for right in rights.iter() {
			Rights::<T>::insert(content, right, holder.clone());
		}
		// The content names its creators for good, and its owner and right holder while they
		// are: each holds a registry reference (the call is transactional).
		for (creator, _) in creators.iter() {
			T::Registry::add_reference(creator)?;
		}
		T::Registry::add_reference(&who)?;
		Self::rights_gained(&who, content, rights.len() as u32)?;
		ByHash::<T>::insert(content_hash, content);
		NextContent::<T>::put(next);
		Self::deposit_event(Event::ContentRegistered {
			content,
			owner: who.clone(),
			content_hash,
			uri: uri.to_vec(),
			creators: creators.to_vec(),
			royalties,
		});
		Contents::<T>::insert(
			content,
			ContentRecord {
				content_hash,
				uri,
				registrant: who,
				creators,
				royalties,
				rights,
				offers: 0,
				next_terms: 0,
				deposit,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Ok(())
	}

	pub(crate) fn do_transfer_ownership(
		who: T::AccountId,
		content: ContentId,
		to: T::AccountId,
	) -> DispatchResult {
		Self::ensure_owner(content, &who)?;
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		ensure!(who != to, Error::<T>::SameAccount);
		T::Registry::ensure_active(&to).map_err(Error::<T>::from)?;
		Self::move_nft(content, &to)?;
		T::Registry::add_reference(&to)?;
		T::Registry::remove_reference(&who);
		Self::deposit_event(Event::OwnershipTransferred { content, from: who, to });
		Ok(())
	}

	/// This pallet's account: owner of the content collection.
	pub fn account() -> T::AccountId {
		use sp_runtime::traits::AccountIdConversion;
		T::PalletId::get().into_account_truncating()
	}

	/// The current owner of the content's NFT.
	pub fn owner_of(content: ContentId) -> Option<T::AccountId> {
		let collection = ContentCollection::<T>::get()?;
		<Nfts<T> as NftInspect<_>>::owner(&collection, &content)
	}

	/// The content exists and `who` owns its NFT.
	pub(crate) fn ensure_owner(content: ContentId, who: &T::AccountId) -> DispatchResult {
		let owner = Self::owner_of(content).ok_or(Error::<T>::UnknownContent)?;
		ensure!(&owner == who, Error::<T>::NotOwner);
		Ok(())
	}

	/// The content collection, created (owned by this pallet's account) on first use.
	fn collection() -> Result<T::CollectionId, DispatchError> {
		if let Some(collection) = ContentCollection::<T>::get() {
			return Ok(collection);
		}
		let account = Self::account();
		let config = pallet_nfts::CollectionConfig {
			settings: pallet_nfts::CollectionSettings::all_enabled(),
			max_supply: None,
			mint_settings: Default::default(),
		};
		let collection = <Nfts<T> as Create<_, _>>::create_collection(&account, &account, &config)?;
		ContentCollection::<T>::put(collection);
		Ok(collection)
	}

	/// Mint the content's NFT to `owner` with `uri` as its metadata.
	pub(crate) fn mint(content: ContentId, owner: &T::AccountId, uri: &[u8]) -> DispatchResult {
		let collection = Self::collection()?;
		let config = pallet_nfts::ItemConfig { settings: pallet_nfts::ItemSettings::all_enabled() };
		<Nfts<T> as NftMutate<_, _>>::mint_into(&collection, &content, owner, &config, true)?;
		<Nfts<T> as NftMutate<_, pallet_nfts::ItemConfig>>::set_item_metadata(
			None,
			&collection,
			&content,
			uri,
		)
	}

	/// Move the content's NFT to `to`.
	pub(crate) fn move_nft(content: ContentId, to: &T::AccountId) -> DispatchResult {
		let collection = ContentCollection::<T>::get().ok_or(Error::<T>::UnknownContent)?;
		<Nfts<T> as NftTransfer<_>>::transfer(&collection, &content, to)
	}
}
