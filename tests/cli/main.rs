//! Integration tests: the real binary, a cleared environment, a temporary database.

mod common;
mod migrations;
