// Submitting signed extrinsics and reading their outcome.

/**
 * Signs and submits `tx` with `signer`. Resolves once it is in a block (the best or the
 * finalized chain, whichever the node reports first) with `{ blockHash,
 * events, records }` (`records`: the event records, with topics) if it succeeded; rejects with
 * an error whose `module` is `section.Error` (for example `registry.MissingRole`) if it failed.
 */
export function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = null;
    let done = false;
    const finish = () => { done = true; unsubscribe?.(); };
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (done) return;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        finish();
        reject(new Error(`transaction ${status.type}`));
      }
      // The pool may report a block finalized without reporting it as a best block first: when
      // GRANDPA finalizes the best block before the pool has caught up with it (a runtime
      // upgrade's block, whose next block compiles the new runtime).
      const blockHash = status.isInBlock ? status.asInBlock
        : status.isFinalized ? status.asFinalized : null;
      if (!blockHash) return;
      finish();
      if (dispatchError) {
        const error = new Error(`dispatch failed: ${describe(api, dispatchError)}`);
        error.module = describe(api, dispatchError);
        reject(error);
      } else {
        resolve({
          blockHash, events: events.map(({ event }) => event), records: events,
        });
      }
    }).then((unsub) => { if (done) unsub(); else unsubscribe = unsub; }, reject);
  });
}

/** `section.Name` of a module error, or the error's string form. */
function describe(api, dispatchError) {
  if (!dispatchError.isModule) return dispatchError.toString();
  const { section, name } = api.registry.findMetaError(dispatchError.asModule);
  return `${section}.${name}`;
}

/** The first event `section.method` in `events`. */
export function findEvent(events, section, method) {
  return events.find((event) => event.section === section && event.method === method);
}
