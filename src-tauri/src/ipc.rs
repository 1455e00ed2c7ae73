//! The IPC surface: every command the window may call, the one error shape
//! that crosses back, and the generator of the TypeScript bindings.
//!
//! The command table below is the single list of commands. From it come the
//! Tauri handler, a compile-time check that each entry matches the Rust
//! function's real signature, and `ui/src/lib/bindings.ts`; a test fails when
//! that file is stale (`make bindings` rewrites it).

use crate::backups::{BackupStatus, LibraryProblem};
#[cfg(test)]
use crate::commands::OpenedArticle;
use crate::commands::{About, ImagesDownloaded, PastedArticle, PastedPage, WindowStart};
use crate::mirror::MirrorStatus;
use crate::spellcheck::SpellcheckStatus;
use byline_core::domain::article::ArticleField;
#[cfg(test)]
use byline_core::domain::checks::ChecksConfig;
#[cfg(test)]
use byline_core::domain::correction::Correction;
use byline_core::domain::correction::Updates;
#[cfg(test)]
use byline_core::domain::faq::FaqItem;
use byline_core::domain::faq::{FaqBlock, FaqBlockId, FaqItemId, QuestionAnswer};
#[cfg(test)]
use byline_core::domain::publication::RemoteMedia;
use byline_core::domain::publication::{OutgoingPost, Publication, PublishStatus};
#[cfg(test)]
use byline_core::domain::publishing::AccountKind;
use byline_core::domain::publishing::{Account, NewAccount};
use byline_core::domain::revision::RevisionInfo;
#[cfg(test)]
use byline_core::domain::revision::RevisionKind;
use byline_core::domain::site_settings::SiteSettings;
use byline_core::library::RemovedFaqItem;
#[cfg(test)]
use byline_core::library::SnippetPart;
use byline_core::library::{LibraryCounts, ListQuery, SearchHit, SlugCheck, StoredImage};
#[cfg(test)]
use byline_core::library::{SortKey, StatusCount, TagCount};
use byline_core::transform::checks::{CheckInfo, Report};
#[cfg(test)]
use byline_core::transform::checks::{Finding, Fix, Place, Pos, Readability, Severity};
use byline_core::transform::diff::Comparison;
#[cfg(test)]
use byline_core::transform::diff::{DiffKind, DiffSpan, FieldChange};
use byline_core::transform::export::Format;
use byline_core::transform::faq::detect::DetectedFaq;
#[cfg(test)]
use byline_core::transform::faq::validate::{FaqIssue, FaqProblem};
use byline_core::transform::faq::FaqView;
#[cfg(test)]
use byline_core::transform::plain_article::{ChangeKind, StructureChange};
#[cfg(test)]
use byline_core::transform::post::Mapping;
use byline_core::transform::render::Preview;
#[cfg(test)]
use byline_core::transform::render::{PreviewBlock, PreviewSplice};
#[cfg(test)]
use byline_core::transform::text_edit::TextChange;
use byline_core::transform::text_edit::{BodyEdit, Typed};
use byline_core::transform::text_stats::TextStats;
use byline_core::usecases::article_export::{Exported, WrittenExport};
#[cfg(test)]
use byline_core::usecases::autosave::SaveEvent;
use byline_core::usecases::backups::BackupInfo;
#[cfg(test)]
use byline_core::usecases::backups::BackupReason;
#[cfg(test)]
use byline_core::usecases::doctor::CheckResult;
use byline_core::usecases::doctor::{DoctorReport, Repair};
#[cfg(test)]
use byline_core::usecases::import::{
    FaqImport, FileReport, ImportOutcome, ImportPhase, ImportProgress,
};
use byline_core::usecases::import::{ImportOptions, ImportReport};
use byline_core::usecases::mirror_rules::ConflictChoice;
#[cfg(test)]
use byline_core::usecases::mirror_rules::{MirrorChange, MirrorChangeKind, MirrorConflict};
use byline_core::usecases::publish::pull::{Pulled, SiteVersion};
#[cfg(test)]
use byline_core::usecases::publish::Outcome;
use byline_core::usecases::publish::Published;
use byline_core::usecases::site_export::SiteExport;
#[cfg(test)]
use byline_core::ErrorCode;
use byline_core::{Article, ArticleId, ArticleSummary, ErrorInfo, Status, StatusChange};
use serde::Serialize;
#[cfg(test)]
use ts_rs::TS;

/// The error every command returns: `{code, message}`, the code stable enough
/// for the UI to act on, the message ready to show.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct IpcError(pub ErrorInfo);

impl From<byline_core::Error> for IpcError {
    fn from(err: byline_core::Error) -> Self {
        IpcError(ErrorInfo::from(err))
    }
}

pub type IpcResult<T> = Result<T, IpcError>;

/// Events the backend emits to the window.
pub mod events {
    /// Payload: `SaveEvent`.
    pub const AUTOSAVE: &str = "autosave";
    /// Payload: `MirrorChange`.
    pub const MIRROR: &str = "mirror";
    /// Payload: `ErrorInfo`, like every other error.
    pub const MIRROR_ERROR: &str = "mirror-error";
    /// Payload: `ImportProgress`, while an import reads and writes files.
    pub const IMPORT_PROGRESS: &str = "import-progress";
    /// Payload: `ImportDone`, when files dropped on the window are imported.
    pub const IMPORT_DONE: &str = "import-done";
    /// Payload: `ErrorInfo` (code `mirror_paused`): the folder is missing
    /// or replaced, so the mirror waits for it.
    pub const MIRROR_PAUSED: &str = "mirror-paused";
    /// No payload: the folder is back and mirroring goes on.
    pub const MIRROR_RESUMED: &str = "mirror-resumed";
}

#[cfg(test)]
struct CommandSig {
    name: &'static str,
    args: Vec<(&'static str, String)>,
    ret: String,
}

macro_rules! ipc_commands {
    ($( $(#[doc = $doc:literal])* fn $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty; )*) => {
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(crate::commands::$name),*]
        }

        // Fails to compile if a command's arguments or result drift from the
        // table, so the generated TypeScript cannot lie about them.
        const _: () = {
            $( let _: fn(tauri::AppHandle, $($ty),*) -> IpcResult<$ret> = crate::commands::$name; )*
        };

        #[cfg(test)]
        fn command_signatures(cfg: &ts_rs::Config) -> Vec<CommandSig> {
            vec![$(CommandSig {
                name: stringify!($name),
                args: vec![$((stringify!($arg), <$ty as TS>::name(cfg))),*],
                ret: <$ret as TS>::name(cfg),
            }),*]
        }
    };
}

ipc_commands! {
    fn list_articles(query: ListQuery) -> Vec<ArticleSummary>;
    fn library_counts() -> LibraryCounts;
    fn create_article() -> Article;
    fn open_article(id: ArticleId) -> Article;
    fn window_start(query: ListQuery) -> WindowStart;
    fn window_shown() -> ();
    fn stage_body(id: ArticleId, body: String, seq: u64, base: String) -> ();
    fn rename_article(id: ArticleId, title: String) -> Article;
    fn set_field(id: ArticleId, field: ArticleField, value: String) -> Article;
    fn check_slug(id: ArticleId, slug: String) -> SlugCheck;
    fn render_preview(article: ArticleId, markdown: String, since: Option<u32>) -> Preview;
    fn type_body(id: ArticleId, seq: u64, base: String, edit: BodyEdit, since: Option<u32>, render: bool) -> Typed;
    fn load_remote_images(article: ArticleId) -> ();
    fn preview_header(article: ArticleId, title: String) -> String;
    fn structure_text(text: String) -> PastedArticle;
    fn open_link(url: String) -> ();
    fn store_image(name: String, data: String) -> StoredImage;
    fn article_history(id: ArticleId) -> Vec<RevisionInfo>;
    fn compare_revisions(id: ArticleId, from: u32, to: Option<u32>) -> Comparison;
    fn restore_revision(id: ArticleId, number: u32) -> Article;
    fn snapshot_article(id: ArticleId, label: String) -> RevisionInfo;
    fn label_revision(id: ArticleId, number: u32, label: String) -> RevisionInfo;
    fn article_updates(id: ArticleId) -> Updates;
    fn add_correction(id: ArticleId, note: String) -> Updates;
    fn edit_correction(id: ArticleId, correction: i64, note: String) -> Updates;
    fn remove_correction(id: ArticleId, correction: i64) -> Updates;
    fn article_faq(id: ArticleId) -> FaqView;
    fn add_faq_item(id: ArticleId, item: QuestionAnswer, position: Option<u32>) -> FaqView;
    fn update_faq_item(id: ArticleId, item: FaqItemId, text: QuestionAnswer) -> FaqView;
    fn move_faq_item(id: ArticleId, item: FaqItemId, position: u32) -> FaqView;
    fn remove_faq_item(item: FaqItemId) -> RemovedFaqItem;
    fn restore_faq_item(removed: RemovedFaqItem) -> FaqView;
    fn set_faq_structured_data(id: ArticleId, on: bool) -> FaqView;
    fn share_faq_item(id: ArticleId, item: FaqItemId) -> FaqView;
    fn detach_faq_item(id: ArticleId, item: FaqItemId) -> FaqView;
    fn faq_blocks() -> Vec<FaqBlock>;
    fn insert_faq_block(id: ArticleId, block: FaqBlockId, position: Option<u32>) -> FaqView;
    fn delete_faq_block(block: FaqBlockId) -> Vec<FaqBlock>;
    fn detect_faq(markdown: String) -> Option<DetectedFaq>;
    fn convert_faq_section(id: ArticleId) -> Article;
    fn render_answer(article: Option<ArticleId>, markdown: String) -> String;
    fn preview_export(id: ArticleId, format: Format) -> Exported;
    fn export_article(id: ArticleId, format: Format) -> Option<WrittenExport>;
    fn export_site(status: Option<Status>) -> Option<SiteExport>;
    fn import_dialog(folder: bool, options: ImportOptions) -> Option<ImportReport>;
    fn mirror_status() -> MirrorStatus;
    fn choose_mirror_folder() -> MirrorStatus;
    fn stop_mirror() -> MirrorStatus;
    fn resolve_mirror_conflict(id: ArticleId, choice: ConflictChoice) -> Article;
    fn site_settings() -> SiteSettings;
    fn set_site_settings(settings: SiteSettings) -> SiteSettings;
    fn check_article(id: ArticleId, body: Option<String>) -> Report;
    fn check_catalogue() -> Vec<CheckInfo>;
    fn check_links(id: ArticleId, body: String) -> Report;
    fn spellcheck_status() -> SpellcheckStatus;
    fn about() -> About;
    fn text_stats(text: String) -> TextStats;
    fn html_to_markdown(html: String) -> String;
    fn search_articles(query: String) -> Vec<SearchHit>;
    fn set_status(id: ArticleId, status: Status) -> Article;
    fn status_history(id: ArticleId) -> Vec<StatusChange>;
    fn trash_article(id: ArticleId) -> ArticleSummary;
    fn restore_article(id: ArticleId) -> ArticleSummary;
    fn delete_forever(id: ArticleId) -> ();
    fn empty_trash() -> u32;
    fn duplicate_article(id: ArticleId) -> Article;
    fn flush_saves() -> ();
    fn quit() -> ();
    fn backup_status() -> BackupStatus;
    fn back_up_now() -> BackupStatus;
    fn choose_backup_folder() -> BackupStatus;
    fn reset_backup_folder() -> BackupStatus;
    fn restore_backup(path: String) -> BackupInfo;
    fn check_library() -> DoctorReport;
    fn repair_library() -> Repair;
    fn library_problem() -> Option<LibraryProblem>;
    fn open_backup_copy() -> String;
    fn publishing_accounts() -> Vec<Account>;
    fn add_publishing_account(account: NewAccount, secret: String) -> Vec<Account>;
    fn remove_publishing_account(name: String) -> Vec<Account>;
    fn publish_preview(id: ArticleId, status: PublishStatus) -> OutgoingPost;
    fn publications(id: ArticleId) -> Vec<Publication>;
    fn publish_article(id: ArticleId, account: String, status: PublishStatus, overwrite: bool) -> Published;
    fn unpublish_article(id: ArticleId, account: String, overwrite: bool) -> Published;
    fn download_images(id: ArticleId) -> ImagesDownloaded;
    fn structure_page(html: String) -> PastedPage;
    fn approve_wordpress_in_browser(account: NewAccount) -> String;
    fn add_approved_wordpress_account(account: NewAccount, secret: String) -> Vec<Account>;
    fn publish_site_version(id: ArticleId, account: String) -> SiteVersion;
    fn pull_site_version(id: ArticleId, account: String) -> Pulled;
}

/// The contents of `ui/src/lib/bindings.ts`.
#[cfg(test)]
fn typescript_bindings() -> String {
    let cfg = ts_rs::Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc.rs by `make bindings`. Do not edit by hand:\n\
         // a test fails when this file differs from what the Rust types generate.\n\n\
         import { call } from \"./call\";\n\n",
    );
    let decls = [
        ArticleId::decl(&cfg),
        Article::decl(&cfg),
        ArticleSummary::decl(&cfg),
        ArticleField::decl(&cfg),
        ListQuery::decl(&cfg),
        SortKey::decl(&cfg),
        LibraryCounts::decl(&cfg),
        StatusCount::decl(&cfg),
        TagCount::decl(&cfg),
        SlugCheck::decl(&cfg),
        WindowStart::decl(&cfg),
        OpenedArticle::decl(&cfg),
        About::decl(&cfg),
        Status::decl(&cfg),
        StatusChange::decl(&cfg),
        TextStats::decl(&cfg),
        Preview::decl(&cfg),
        PreviewBlock::decl(&cfg),
        PreviewSplice::decl(&cfg),
        BodyEdit::decl(&cfg),
        TextChange::decl(&cfg),
        Typed::decl(&cfg),
        StoredImage::decl(&cfg),
        RevisionInfo::decl(&cfg),
        Updates::decl(&cfg),
        Correction::decl(&cfg),
        RevisionKind::decl(&cfg),
        Comparison::decl(&cfg),
        FieldChange::decl(&cfg),
        DiffSpan::decl(&cfg),
        DiffKind::decl(&cfg),
        SaveEvent::decl(&cfg),
        SearchHit::decl(&cfg),
        SnippetPart::decl(&cfg),
        FaqView::decl(&cfg),
        FaqItem::decl(&cfg),
        FaqItemId::decl(&cfg),
        FaqBlock::decl(&cfg),
        FaqBlockId::decl(&cfg),
        FaqIssue::decl(&cfg),
        FaqProblem::decl(&cfg),
        QuestionAnswer::decl(&cfg),
        RemovedFaqItem::decl(&cfg),
        DetectedFaq::decl(&cfg),
        SiteSettings::decl(&cfg),
        ChecksConfig::decl(&cfg),
        Report::decl(&cfg),
        Finding::decl(&cfg),
        Severity::decl(&cfg),
        Place::decl(&cfg),
        Pos::decl(&cfg),
        Fix::decl(&cfg),
        Readability::decl(&cfg),
        CheckInfo::decl(&cfg),
        SpellcheckStatus::decl(&cfg),
        Format::decl(&cfg),
        MirrorStatus::decl(&cfg),
        MirrorConflict::decl(&cfg),
        MirrorChange::decl(&cfg),
        MirrorChangeKind::decl(&cfg),
        ConflictChoice::decl(&cfg),
        Exported::decl(&cfg),
        WrittenExport::decl(&cfg),
        SiteExport::decl(&cfg),
        ImportOptions::decl(&cfg),
        FaqImport::decl(&cfg),
        ImportReport::decl(&cfg),
        FileReport::decl(&cfg),
        ImportOutcome::decl(&cfg),
        ImportProgress::decl(&cfg),
        ImportPhase::decl(&cfg),
        crate::commands::import::ImportDone::decl(&cfg),
        ImagesDownloaded::decl(&cfg),
        byline_core::usecases::import::SkippedFile::decl(&cfg),
        PastedPage::decl(&cfg),
        byline_core::usecases::import::download::ImageDownloadReport::decl(&cfg),
        byline_core::usecases::import::download::ImageDownload::decl(&cfg),
        Mapping::decl(&cfg),
        StructureChange::decl(&cfg),
        PastedArticle::decl(&cfg),
        ChangeKind::decl(&cfg),
        BackupStatus::decl(&cfg),
        BackupInfo::decl(&cfg),
        BackupReason::decl(&cfg),
        DoctorReport::decl(&cfg),
        CheckResult::decl(&cfg),
        Repair::decl(&cfg),
        LibraryProblem::decl(&cfg),
        Account::decl(&cfg),
        NewAccount::decl(&cfg),
        AccountKind::decl(&cfg),
        OutgoingPost::decl(&cfg),
        RemoteMedia::decl(&cfg),
        PublishStatus::decl(&cfg),
        Publication::decl(&cfg),
        Published::decl(&cfg),
        SiteVersion::decl(&cfg),
        Pulled::decl(&cfg),
        Outcome::decl(&cfg),
        ErrorCode::decl(&cfg),
        ErrorInfo::decl(&cfg),
    ];
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str("export const commands = {\n");
    for sig in command_signatures(&cfg) {
        let params: Vec<String> = sig
            .args
            .iter()
            .map(|(n, t)| format!("{}: {t}", camel(n)))
            .collect();
        let payload: Vec<String> = sig.args.iter().map(|(n, _)| camel(n)).collect();
        let ret = if sig.ret == "null" {
            "void".to_owned()
        } else {
            sig.ret.clone()
        };
        out.push_str(&format!(
            "  {}: ({}): Promise<{ret}> => call<{ret}>(\"{}\", {{ {} }}),\n",
            camel(sig.name),
            params.join(", "),
            sig.name,
            payload.join(", "),
        ));
    }
    out.push_str("} as const;\n\n");
    // The status names and labels come from the core too, so the window
    // never keeps a second copy that could drift from the CLI's.
    let statuses: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("\"{}\"", s.as_str()))
        .collect();
    out.push_str(&format!(
        "/** Every status, in workflow order. */\nexport const STATUSES: readonly Status[] = [{}];\n\n",
        statuses.join(", ")
    ));
    out.push_str("/** What a writer sees for each status. */\nexport const STATUS_LABEL: Record<Status, string> = {\n");
    for status in Status::ALL {
        out.push_str(&format!("  {}: \"{}\",\n", status.as_str(), status.label()));
    }
    out.push_str("};\n\n");
    out.push_str(&format!(
        "export const events = {{\n  autosave: \"{}\",\n  mirror: \"{}\",\n  mirrorError: \"{}\",\n  mirrorPaused: \"{}\",\n  mirrorResumed: \"{}\",\n  importProgress: \"{}\",\n  importDone: \"{}\",\n}} as const;\n",
        events::AUTOSAVE,
        events::MIRROR,
        events::MIRROR_ERROR,
        events::MIRROR_PAUSED,
        events::MIRROR_RESUMED,
        events::IMPORT_PROGRESS,
        events::IMPORT_DONE
    ));
    out.replace("{  }", "{}")
}

#[cfg(test)]
/// Tauri maps a Rust `snake_case` argument to a `camelCase` JavaScript key.
fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
fn command_names() -> Vec<&'static str> {
    command_signatures(&ts_rs::Config::new())
        .into_iter()
        .map(|s| s.name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BINDINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/lib/bindings.ts");

    #[test]
    fn typescript_bindings_are_up_to_date() {
        let expected = typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(BINDINGS, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(BINDINGS).unwrap_or_default();
        assert!(
            actual == expected,
            "ui/src/lib/bindings.ts is stale: run `make bindings` and commit the result"
        );
    }

    #[test]
    fn bindings_use_camel_case_keys_and_numbers_for_ids() {
        let ts = typescript_bindings();
        assert!(ts.contains("export type ArticleId = number;"), "{ts}");
        assert!(ts.contains("openArticle: (id: ArticleId): Promise<Article> => call<Article>(\"open_article\", { id })"), "{ts}");
        assert!(
            ts.contains("flushSaves: (): Promise<void> => call<void>(\"flush_saves\", {})"),
            "{ts}"
        );
        assert_eq!(camel("updated_at"), "updatedAt");
    }

    #[test]
    fn every_command_is_granted_and_nothing_else() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        let caps = conf["app"]["security"]["capabilities"].as_array().unwrap();
        let granted: Vec<&str> = caps
            .iter()
            .flat_map(|c| c["permissions"].as_array().unwrap())
            .filter_map(|p| p.as_str())
            .collect();
        let mut expected: Vec<String> = command_names()
            .iter()
            .map(|n| format!("allow-{}", n.replace('_', "-")))
            .collect();
        expected.extend(["core:event:allow-listen", "core:event:allow-unlisten"].map(String::from));
        let mut granted: Vec<String> = granted.into_iter().map(String::from).collect();
        granted.sort();
        expected.sort();
        assert_eq!(granted, expected);
        let build_rs = include_str!("../build.rs");
        for name in command_names() {
            assert!(
                build_rs.contains(&format!("\"{name}\"")),
                "build.rs does not declare {name}"
            );
        }
    }
}
