//! Search across scripts: the transliterating fuzzy matcher and its index.
