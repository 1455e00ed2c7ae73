//! A real, small file system for the tests about full disks and read-only
//! libraries: an ext4 image the test makes in a temporary folder, loop-
//! mounted (we are root on the project's machine), filled up, freed, or
//! sent read-only the way the kernel does after a disk error
//! (`errors=remount-ro`, triggered through ext4's `trigger_fs_error`).
//! Unmounted and removed on drop.
//!
//! Shared by the core's autosave tests, the CLI tests and the end-to-end
//! tests (each includes this file with `#[path]`). Where mounting is not
//! permitted (not root, no loop devices), [`SmallDisk::new`] says why and
//! returns `None`, and the test reports that it did not run.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct SmallDisk {
    // Drop order: unmount (in `drop`), then the folder holding the image.
    mount: PathBuf,
    device: String,
    dir: tempfile::TempDir,
}

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("{program}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

impl SmallDisk {
    /// An ext4 file system of `megabytes` (8 or more), mounted and empty,
    /// with no blocks reserved for root, so "full" means full for us too.
    pub fn new(megabytes: u32) -> Option<SmallDisk> {
        match SmallDisk::try_new(megabytes) {
            Ok(disk) => Some(disk),
            Err(why) => {
                eprintln!(
                    "NOT RUN: this test needs a small loop-mounted file system and this \
                     machine refused one ({why}); run it as root on the project's machine"
                );
                None
            }
        }
    }

    fn try_new(megabytes: u32) -> Result<SmallDisk, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let image = dir.path().join("disk.img");
        let mount = dir.path().join("mnt");
        std::fs::create_dir(&mount).map_err(|e| e.to_string())?;
        std::fs::File::create(&image)
            .and_then(|f| f.set_len(u64::from(megabytes) << 20))
            .map_err(|e| e.to_string())?;
        let image_arg = image.to_str().unwrap();
        run("mkfs.ext4", &["-q", "-F", "-m", "0", image_arg])?;
        run(
            "mount",
            &[
                "-o",
                "loop,errors=remount-ro",
                image_arg,
                mount.to_str().unwrap(),
            ],
        )?;
        let out = Command::new("findmnt")
            .args(["-n", "-o", "SOURCE"])
            .arg(&mount)
            .output()
            .map_err(|e| e.to_string())?;
        let source = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let device = source.rsplit('/').next().unwrap_or_default().to_string();
        Ok(SmallDisk { mount, device, dir })
    }

    /// The mounted file system's root.
    pub fn path(&self) -> &Path {
        &self.mount
    }

    fn filler(&self) -> PathBuf {
        self.mount.join("filler")
    }

    /// Fills every free block with a file of zeros (until the disk says
    /// ENOSPC).
    pub fn fill(&self) {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.filler())
            .unwrap();
        let block = vec![0u8; 64 * 1024];
        loop {
            match file.write(&block) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.raw_os_error() == Some(28) => break,
                Err(e) => panic!("filling the small disk: {e}"),
            }
        }
        // Whatever a smaller write still fits, so not one block is left.
        while let Ok(n) = file.write(&[0u8; 512]) {
            if n == 0 {
                break;
            }
        }
        let _ = file.sync_all();
    }

    /// Space returns: the filler goes, and the file system commits that.
    pub fn free(&self) {
        std::fs::remove_file(self.filler()).unwrap();
        let _ = run("sync", &["-f", self.mount.to_str().unwrap()]);
    }

    /// The disk reports an error and ext4 stops all writes, as after a
    /// failing USB stick: every write from now on is EROFS. It stays so
    /// until unmounted.
    pub fn fail_read_only(&self) {
        std::fs::write(
            format!("/sys/fs/ext4/{}/trigger_fs_error", self.device),
            "durability test: library goes read-only",
        )
        .unwrap();
    }
}

impl SmallDisk {
    /// Unmounts and mounts the image again, as after replugging the disk:
    /// what is read afterwards comes from the disk, not from memory.
    pub fn remount(&self) {
        let mount = self.mount.to_str().unwrap();
        // The app's helper processes (WebKit's) may hold the folder for a
        // moment after the app itself has exited.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        while let Err(busy) = run("umount", &[mount]) {
            assert!(std::time::Instant::now() < deadline, "{busy}");
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        let image = self.dir.path().join("disk.img");
        run(
            "mount",
            &[
                "-o",
                "loop,errors=remount-ro",
                image.to_str().unwrap(),
                mount,
            ],
        )
        .unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Lazy, so a process the test killed a moment ago cannot keep it.
        let _ = run("umount", &["-l", self.mount.to_str().unwrap()]);
        let _ = &self.dir;
    }
}
