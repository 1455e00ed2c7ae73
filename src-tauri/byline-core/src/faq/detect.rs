//! Finding a FAQ section written as plain Markdown at the end of an article.
