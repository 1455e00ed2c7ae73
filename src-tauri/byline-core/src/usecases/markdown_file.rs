//! Reading Markdown from disk with the checks every entry point needs: a
//! clear error for a binary file, invalid UTF-8 or a file far too large to be
//! an article, instead of a panic or a silently mangled import.

use std::io::Read;
use std::path::Path;

use crate::domain::error::{Error, Result};

/// Generous for any article (the largest body is 16 MiB), and small enough
/// that a mistaken multi-gigabyte path fails fast instead of eating memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

pub fn read_markdown_file(path: &Path) -> Result<String> {
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = open_regular(path)?;
    let size = file.metadata().map_err(io_err)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Error::FileTooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    decode_markdown(path, bytes)
}

/// Opens `path` for reading only if it is a regular file. Opening never
/// waits: a FIFO (a named pipe) opened for reading would block until a
/// writer came, so it is opened non-blocking and refused once its kind is
/// known. Images read from outside go through here too.
pub fn open_regular(path: &Path) -> Result<std::fs::File> {
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io_err)?;
    if !file.metadata().map_err(io_err)?.is_file() {
        return Err(Error::invalid(
            "file",
            format!(
                "{} is not a regular file (a folder, pipe, device or socket)",
                path.display()
            ),
        ));
    }
    Ok(file)
}

/// Decodes file bytes as Markdown text. A UTF-8 byte-order mark is dropped.
pub fn decode_markdown(path: &Path, mut bytes: Vec<u8>) -> Result<String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::FileTooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    // Text never contains NUL; images, PDFs and executables nearly always do
    // in their first few kilobytes.
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(Error::BinaryFile {
            path: path.to_path_buf(),
        });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<String> {
        decode_markdown(Path::new("post.md"), bytes.to_vec())
    }

    #[test]
    fn accepts_text_and_strips_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBF# Hi").unwrap(), "# Hi");
        assert_eq!(decode("Café".as_bytes()).unwrap(), "Café");
    }

    #[test]
    fn refuses_binary_and_invalid_utf8_with_context() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(err.code(), "binary_file");
        let err = decode(b"ok \xff\xfe bad").unwrap_err();
        assert_eq!(err.code(), "not_utf8");
        assert!(err.to_string().contains("offset 3"), "{err}");
    }

    #[test]
    fn refuses_a_file_over_the_limit_before_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.md");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_markdown_file(&path).unwrap_err();
        assert_eq!(err.code(), "file_too_large");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = read_markdown_file(&path).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = read_markdown_file(Path::new("/no/such/post.md")).unwrap_err();
        assert_eq!(err.code(), "io");
        assert!(err.to_string().contains("/no/such/post.md"));
    }
}
