//! Kills and full disks, against the real binary.
//!
//! The storm: `byline` commands that write (a new article, a metadata
//! save, a revision kept, an import, a FAQ edit, a revision restore, the
//! folder mirror's writes) started one after another, each sent SIGKILL
//! after a random delay. After every command the library must open, pass
//! `PRAGMA integrity_check`, and hold every state a command acknowledged
//! (exited 0) — or a later one a killed command may have got in. Mirror
//! files must never be torn. The figures are printed for BENCHMARKS.md.
//!
//! `BYLINE_STORM_KILLS` sets how many kills (200 by default, a couple of
//! minutes on two cores); `BYLINE_STORM_SEED` replays a run.

use std::collections::HashMap;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use byline_core::Library;

use crate::support::{stderr, TestLibrary};

#[path = "../small_disk/mod.rs"]
mod small_disk;

/// Every body in the storm ends with this line: a mirror file without it
/// was torn.
const END: &str = "End of text.";

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One value the library holds (a dek, a body), as the storm knows it:
/// the last value a command acknowledged, and the values of commands killed
/// since, any of which may have landed.
#[derive(Default)]
struct Register {
    acked: Option<String>,
    maybe: Vec<String>,
}

impl Register {
    fn allows(&self, value: &str) -> bool {
        self.acked.as_deref() == Some(value) || self.maybe.iter().any(|m| m == value)
    }
}

#[derive(Default)]
struct Figures {
    operations: u32,
    kills: u32,
    acknowledged: u32,
    states_checked: u64,
    /// Killed commands whose change was found in the library afterwards:
    /// the kill came after their commit (during the WAL checkpoint SQLite
    /// runs on closing, or the exit).
    landed_before_kill: u32,
    /// Temporary files a killed mirror left in the folder (hidden, so the
    /// mirror and editors skip them; never a torn `.md`).
    stray_temp_files: usize,
    losses: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Op {
    New,
    SetDek,
    Snapshot,
    Import,
    FaqAdd,
    Restore,
    Mirror,
}

const OPS: [Op; 7] = [
    Op::New,
    Op::SetDek,
    Op::Snapshot,
    Op::Import,
    Op::FaqAdd,
    Op::Restore,
    Op::Mirror,
];

const IMPORTED: [&str; 3] = ["alpha", "beta", "gamma"];

/// The three bodies the "restored" article has in revisions 1 to 3.
fn restore_body(n: u32) -> String {
    format!("Version {n} of the restored piece.\n\n{END}")
}

struct Storm {
    lib: TestLibrary,
    rng: Rng,
    figures: Figures,
    /// Keyed by what they hold: "dek", "import/alpha", "restored".
    registers: HashMap<String, Register>,
    /// Articles created and FAQ questions added by commands that exited 0.
    created: Vec<String>,
    questions: Vec<String>,
    snapshots: Vec<String>,
    /// How long each kind of command takes when left alone (a running
    /// mean), so kills land across the whole of it.
    took: HashMap<Op, Duration>,
}

impl Storm {
    fn new(seed: u64) -> Storm {
        let lib = TestLibrary::new();
        {
            let mut l = lib.open();
            l.create_article("Storm", &format!("The article the storm edits.\n\n{END}"))
                .unwrap();
            l.create_article("FAQs", &format!("Questions.\n\n{END}"))
                .unwrap();
            let restored = l.create_article("Restored", &restore_body(1)).unwrap();
            l.snapshot(restored.id, "one").unwrap();
            l.save_body(restored.id, &restore_body(2)).unwrap();
            l.snapshot(restored.id, "two").unwrap();
            l.save_body(restored.id, &restore_body(3)).unwrap();
            l.snapshot(restored.id, "three").unwrap();
        }
        let mut registers = HashMap::new();
        registers.insert(
            "dek".to_string(),
            Register {
                acked: Some(String::new()),
                maybe: vec![],
            },
        );
        registers.insert(
            "restored".to_string(),
            Register {
                acked: Some(restore_body(3)),
                maybe: vec![],
            },
        );
        std::fs::create_dir(lib.dir().join("posts")).unwrap();
        Storm {
            lib,
            rng: Rng(seed),
            figures: Figures::default(),
            registers,
            created: vec![],
            questions: vec![],
            snapshots: vec![],
            took: HashMap::new(),
        }
    }

    /// Starts one command of kind `op`, numbered `i`; returns it with what
    /// it would change (register, value) and what it adds.
    fn start(&mut self, op: Op, i: u32) -> (Child, Vec<(String, String)>) {
        let mut command = self.lib.command();
        command.stdout(Stdio::null()).stderr(Stdio::piped());
        let mut changes = vec![];
        match op {
            Op::New => {
                let file = self.lib.dir().join("new.md");
                std::fs::write(&file, format!("New article {i}.\n\n{END}")).unwrap();
                command.args(["new", "--title", &format!("New {i}"), "--from"]);
                command.arg(&file);
                changes.push(("created".into(), format!("new-{i}")));
            }
            Op::SetDek => {
                let dek = format!("Storm dek {i}");
                command.args(["set", "storm", "dek", &dek]);
                changes.push(("dek".into(), dek));
            }
            Op::Snapshot => {
                let label = format!("kept {i}");
                command.args(["snapshot", "storm", "--label", &label]);
                changes.push(("snapshot".into(), label));
            }
            Op::Import => {
                let posts = self.lib.dir().join("posts");
                for name in IMPORTED {
                    let body = format!("{name} at version {i}.\n\n{END}");
                    std::fs::write(
                        posts.join(format!("{name}.md")),
                        format!("---\ntitle: {name}\n---\n{body}"),
                    )
                    .unwrap();
                    changes.push((format!("import/{name}"), body));
                }
                command.arg("import").arg(&posts);
            }
            Op::FaqAdd => {
                let question = format!("Question {i}?");
                command.args(["faq", "faqs", "add", &question, "An answer."]);
                changes.push(("question".into(), question));
            }
            Op::Restore => {
                let n = 1 + self.rng.below(3) as u32;
                command.args(["restore", "restored", &n.to_string()]);
                changes.push(("restored".into(), restore_body(n)));
            }
            Op::Mirror => {
                command.arg("mirror").arg(self.lib.dir().join("mirror"));
            }
        }
        (command.spawn().unwrap(), changes)
    }

    /// Runs one command of kind `op`, killed after a random delay unless
    /// `kill` is false, and checks the library afterwards.
    fn round(&mut self, op: Op, i: u32, kill: bool) {
        // The mirror never exits by itself: it writes every file at the
        // start, then watches. Anything else is killed somewhere within
        // how long it takes, or left to finish (about half of them).
        let span = match op {
            Op::Mirror => Duration::from_millis(400),
            _ => self
                .took
                .get(&op)
                .copied()
                .unwrap_or(Duration::from_millis(40)),
        };
        let delay = if kill {
            Duration::from_micros(self.rng.below(span.as_micros() as u64 * 8 / 5 + 1))
        } else {
            Duration::MAX
        };
        let started = Instant::now();
        let (mut child, changes) = self.start(op, i);
        self.figures.operations += 1;
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if started.elapsed() >= delay {
                break None;
            }
            std::thread::sleep(Duration::from_micros(200));
        };
        let acked = match status {
            Some(status) => {
                let out = child.wait_with_output().unwrap();
                assert!(
                    status.success(),
                    "{op:?} {i} failed without being killed: {}",
                    stderr(&out)
                );
                let took = started.elapsed();
                let mean = self.took.entry(op).or_insert(took);
                *mean = (*mean * 3 + took) / 4;
                true
            }
            None => {
                child.kill().unwrap();
                child.wait().unwrap();
                self.figures.kills += 1;
                false
            }
        };
        if acked {
            self.figures.acknowledged += 1;
        }
        let attempted: Vec<String> = changes
            .iter()
            .filter(|(key, _)| key != "snapshot")
            .map(|(_, value)| value.clone())
            .collect();
        for (key, value) in changes {
            match key.as_str() {
                "created" if acked => self.created.push(value),
                "question" if acked => self.questions.push(value),
                "snapshot" if acked => self.snapshots.push(value),
                "created" | "question" | "snapshot" => {}
                _ => {
                    let register = self.registers.entry(key).or_default();
                    if acked {
                        register.acked = Some(value);
                        register.maybe.clear();
                    } else {
                        register.maybe.push(value);
                    }
                }
            }
        }
        let values = self.check(&format!(
            "after {op:?} {i} ({})",
            if acked { "exited 0" } else { "killed" }
        ));
        if !acked && !attempted.is_empty() && attempted.iter().all(|v| values.contains(v)) {
            self.figures.landed_before_kill += 1;
        }
    }

    fn lost(&mut self, when: &str, what: String) {
        self.figures.losses.push(format!("{when}: {what}"));
    }

    /// Opens the library as the next command would and checks every
    /// acknowledged state. Returns the values it read (deks, bodies, slugs,
    /// questions).
    fn check(&mut self, when: &str) -> Vec<String> {
        let lib = match Library::open(self.lib.path()) {
            Ok(lib) => lib,
            Err(e) => {
                self.lost(when, format!("the library does not open: {e}"));
                return vec![];
            }
        };
        let mut values = vec![];
        let integrity = lib.integrity_check().unwrap();
        if integrity != "ok" {
            self.lost(when, format!("integrity_check: {integrity}"));
        }
        let mut checked = 1u64;
        let storm = lib.find("storm").unwrap();
        values.push(storm.meta.dek.clone());
        values.extend(lib.list_articles().unwrap().into_iter().map(|a| a.slug));
        let dek = &self.registers["dek"];
        if !dek.allows(&storm.meta.dek) {
            let what = format!("dek {:?}, acknowledged {:?}", storm.meta.dek, dek.acked);
            self.lost(when, what);
        }
        checked += 1;
        let history = lib.history(storm.id).unwrap();
        for label in self.snapshots.clone() {
            checked += 1;
            if !history
                .iter()
                .any(|r| r.label.as_deref() == Some(label.as_str()))
            {
                self.lost(when, format!("revision {label:?} is missing"));
            }
        }
        for slug in self.created.clone() {
            checked += 1;
            match lib.article_by_slug(&slug).unwrap() {
                Some(a) if a.body.ends_with(END) => {}
                other => self.lost(when, format!("article {slug}: {:?}", other.map(|a| a.body))),
            }
        }
        let faq = lib.find("faqs").unwrap().faq;
        values.extend(faq.iter().map(|item| item.question.clone()));
        for question in self.questions.clone() {
            checked += 1;
            if !faq.iter().any(|item| item.question == question) {
                self.lost(when, format!("FAQ question {question:?} is missing"));
            }
        }
        let mut bodies = vec![("restored".to_string(), lib.find("restored").unwrap().body)];
        for name in IMPORTED {
            if let Some(a) = lib.article_by_slug(name).unwrap() {
                bodies.push((format!("import/{name}"), a.body));
            }
        }
        for (key, body) in bodies {
            values.push(body.trim_end().to_string());
            if let Some(register) = self.registers.get(&key) {
                checked += 1;
                let body = body.trim_end();
                if !register.allows(body) && register.acked.is_some() {
                    self.lost(
                        when,
                        format!("{key} holds {body:?}, acknowledged {:?}", register.acked),
                    );
                }
            }
        }
        checked += self.check_mirror(when);
        self.figures.states_checked += checked;
        values
    }

    /// Every Markdown file in the mirror folder is whole.
    fn check_mirror(&mut self, when: &str) -> u64 {
        let Ok(entries) = std::fs::read_dir(self.lib.dir().join("mirror")) else {
            return 0;
        };
        let mut checked = 0;
        let mut strays = 0;
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy();
            if name.starts_with(byline_core::usecases::atomic_write::TEMP_PREFIX) {
                strays += 1;
            }
            if path.extension().is_some_and(|e| e == "md") {
                checked += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                if !text.trim_end().ends_with(END) {
                    self.lost(
                        when,
                        format!("mirror file {} is torn: {text:?}", path.display()),
                    );
                }
            }
        }
        self.figures.stray_temp_files = strays;
        checked
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn acknowledged_saves_survive_a_storm_of_kills() {
    let kills = env_number("BYLINE_STORM_KILLS", 200) as u32;
    let seed = env_number(
        "BYLINE_STORM_SEED",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
    );
    let mut storm = Storm::new(seed);
    let started = Instant::now();
    let mut i = 0;
    // Every kind of command left to finish once first, so its time is known.
    for op in OPS.into_iter().filter(|op| *op != Op::Mirror) {
        i += 1;
        storm.round(op, i, false);
    }
    while storm.figures.kills < kills {
        i += 1;
        let op = OPS[storm.rng.below(OPS.len() as u64) as usize];
        storm.round(op, i, true);
        assert!(
            storm.figures.operations < kills * 20,
            "commands finish before any kill lands"
        );
    }
    let f = &storm.figures;
    println!(
        "storm (seed {seed}): {} kills ({} after the change had landed), {} operations \
         ({} exited 0), {} states checked, {} losses, {} stray temporary files \
         in the mirror folder, {:.0} s",
        f.kills,
        f.landed_before_kill,
        f.operations,
        f.acknowledged,
        f.states_checked,
        f.losses.len(),
        f.stray_temp_files,
        started.elapsed().as_secs_f64()
    );
    assert!(f.losses.is_empty(), "lost:\n{}", f.losses.join("\n"));
    assert!(storm.figures.acknowledged > 0 && storm.figures.kills >= kills);
}

/// `byline --library PATH ARGS…` to the end.
fn byline_on(path: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(crate::support::BYLINE)
        .arg("--library")
        .arg(path)
        .args(args)
        .env_remove("BYLINE_LIBRARY")
        .output()
        .unwrap()
}

/// A library on a real, small ext4 file system (see `small_disk`): a
/// command on a full disk, or on a library gone read-only, fails with one
/// line saying so, and what was saved before is intact.
#[test]
fn a_full_disk_or_a_read_only_library_fails_a_command_in_one_line_and_damages_nothing() {
    let Some(disk) = small_disk::SmallDisk::new(8) else {
        return;
    };
    let path = disk.path().join("library.byline");
    let files = tempfile::tempdir().unwrap();
    let kept = files.path().join("kept.md");
    std::fs::write(&kept, "Saved before the disk filled up.").unwrap();
    let big = files.path().join("big.md");
    let words: Vec<String> = (0..40_000).map(|i| format!("word{i}")).collect();
    std::fs::write(&big, words.join(" ")).unwrap();

    let out = byline_on(
        &path,
        &["new", "--title", "Kept", "--from", kept.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    disk.fill();
    let out = byline_on(
        &path,
        &["new", "--title", "Big", "--from", big.to_str().unwrap()],
    );
    crate::support::assert_fails_with(&out, "is full");
    assert!(stderr(&out).contains("free some space"), "{}", stderr(&out));

    disk.free();
    let out = byline_on(
        &path,
        &["new", "--title", "Big", "--from", big.to_str().unwrap()],
    );
    assert!(out.status.success(), "once there is room: {}", stderr(&out));

    disk.fail_read_only();
    let out = byline_on(&path, &["set", "kept", "dek", "Never written"]);
    crate::support::assert_fails_with(&out, "read-only");

    disk.remount();
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.integrity_check().unwrap(), "ok");
    let kept = lib.find("kept").unwrap();
    assert_eq!(
        (kept.body.as_str(), kept.meta.dek.as_str()),
        ("Saved before the disk filled up.", "")
    );
    assert_eq!(lib.find("big").unwrap().words, 40_000);
}
