//! schema.org structured data for exported pages.
