// Publishing accounts as Settings shows them and the add form checks them
// before asking the backend (which checks again, and alone keeps secrets).
import type { Account, AccountKind, NewAccount } from "./bindings";

export const KINDS: { kind: AccountKind; label: string; secret: string; site: string }[] = [
  { kind: "ghost", label: "Ghost", secret: "Admin API key", site: "https://example.com" },
  { kind: "wordpress", label: "WordPress", secret: "application password", site: "https://example.com" },
  { kind: "micropub", label: "Micropub", secret: "access token", site: "https://example.com" },
];

export function kindInfo(kind: AccountKind) {
  return KINDS.find((k) => k.kind === kind) ?? KINDS[0];
}

/** The secret's name as a field label: "Application password". */
export function secretLabel(kind: AccountKind): string {
  const s = kindInfo(kind).secret;
  return s[0].toUpperCase() + s.slice(1);
}

/** WordPress signs in as a user; Ghost's key and a token stand alone. */
export function needsUser(kind: AccountKind): boolean {
  return kind === "wordpress";
}

/** One line under the account's name: kind, site, and the user if any. */
export function describeAccount(account: Account): string {
  const who = account.user ? ` as ${account.user}` : "";
  return `${kindInfo(account.kind).label} · ${account.site}${who}`;
}

/** The form's values ready to send: the user only where the kind uses one. */
export function newAccount(form: NewAccount): NewAccount {
  return {
    name: form.name.trim(),
    kind: form.kind,
    site: form.site.trim(),
    user: needsUser(form.kind) ? form.user.trim() : "",
  };
}

/** What is missing before the form can be sent, or null. */
export function missing(form: NewAccount, secret: string): string | null {
  const f = newAccount(form);
  if (!f.name) return "Give the account a name.";
  if (!f.site) return "Give the site's address.";
  if (needsUser(f.kind) && !f.user) return "Give the WordPress user name.";
  if (!secret.trim()) return `Paste the ${kindInfo(f.kind).secret}.`;
  return null;
}
