//! What the runtime raises inside a case besides return values: panics and defensive failures.
//!
//! A panic inside a case is caught, and its message and location are kept instead of printed
//! (the panic hook stays quiet while a case runs on this thread, and prints as before
//! otherwise). A defensive failure (`frame_support::defensive!`, logged at the error level under
//! the `runtime::defensive` target, and a panic in debug builds) is kept too: in a release build
//! nothing else would tell that the runtime met a state its authors held impossible.

use std::{
	any::Any,
	cell::{Cell, RefCell},
	panic::{self, AssertUnwindSafe},
	sync::Once,
};

thread_local! {
	static IN_CASE: Cell<bool> = const { Cell::new(false) };
	static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
	static DEFENSIVE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The log target of `frame_support::defensive!`.
const DEFENSIVE_TARGET: &str = "runtime::defensive";

/// Installs the panic hook and the logger, once per process. Logging is otherwise off: the
/// runtime's debug logs would cost more than the calls.
pub fn install() {
	static ONCE: Once = Once::new();
	ONCE.call_once(|| {
		let previous = panic::take_hook();
		panic::set_hook(Box::new(move |info| {
			if IN_CASE.with(Cell::get) {
				LAST_PANIC.with(|last| *last.borrow_mut() = Some(info.to_string()));
			} else {
				previous(info);
			}
		}));
		if log::set_logger(&DefensiveLog).is_ok() {
			log::set_max_level(log::LevelFilter::Error);
		}
	});
}

/// Runs `f`, returning the panic's message (with its location) if it panics.
pub fn catching<R>(f: impl FnOnce() -> R) -> Result<R, String> {
	install();
	LAST_PANIC.with(|last| last.borrow_mut().take());
	IN_CASE.with(|flag| flag.set(true));
	let result = panic::catch_unwind(AssertUnwindSafe(f));
	IN_CASE.with(|flag| flag.set(false));
	result.map_err(|payload| {
		LAST_PANIC.with(|last| last.borrow_mut().take()).unwrap_or_else(|| payload_text(&*payload))
	})
}

/// The defensive failures logged on this thread since the last call.
pub fn take_defensive() -> Vec<String> {
	DEFENSIVE.with(|logged| std::mem::take(&mut *logged.borrow_mut()))
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
	if let Some(text) = payload.downcast_ref::<&str>() {
		(*text).to_string()
	} else if let Some(text) = payload.downcast_ref::<String>() {
		text.clone()
	} else {
		"a panic without a message".into()
	}
}

/// Keeps defensive failures; drops everything else.
struct DefensiveLog;

impl log::Log for DefensiveLog {
	fn enabled(&self, metadata: &log::Metadata) -> bool {
		metadata.level() <= log::Level::Error && metadata.target() == DEFENSIVE_TARGET
	}

	fn log(&self, record: &log::Record) {
		if self.enabled(record.metadata()) {
			DEFENSIVE.with(|logged| logged.borrow_mut().push(record.args().to_string()));
		}
	}

	fn flush(&self) {}
}
