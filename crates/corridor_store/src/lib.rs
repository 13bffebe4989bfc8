//! corridor_store
