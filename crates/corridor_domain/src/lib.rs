//! corridor_domain
