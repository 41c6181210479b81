import type { ComponentChildren } from "preact";
import { Link, useLocation } from "wouter-preact";
import { signOut } from "../api/auth.ts";
import { useMe } from "../state/me.ts";
import { OrgSwitcher } from "./org-switcher.tsx";

const NAV = [
  ["/app/products", "Products"],
  ["/app/licenses", "Licenses"],
  ["/app/end-users", "End users"],
  ["/app/members", "Members"],
  ["/app/audit-log", "Audit log"],
  ["/app/account", "Account"],
] as const;

/** The signed-in frame: brand, org switcher, navigation, sign-out. */
export function Shell(props: { children: ComponentChildren }) {
  const [location, navigate] = useLocation();
  const me = useMe().data;
  return (
    <div class="shell">
      <header class="topbar">
        <Link href="/app" class="brand">
          GeckoGuard
        </Link>
        <OrgSwitcher />
        <span class="spacer" />
        <span class="who">{me?.user.email}</span>
        <button
          type="button"
          class="small"
          onClick={async () => {
            await signOut().catch(() => {});
            navigate("/sign-in", { replace: true });
          }}
        >
          Sign out
        </button>
      </header>
      <nav class="sidenav" aria-label="Main">
        {NAV.map(([href, label]) => (
          <Link key={href} href={href} class={location.startsWith(href) ? "active" : ""} aria-current={location.startsWith(href) ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <main class="content">{props.children}</main>
    </div>
  );
}
