// Shown on every page when the installation runs on the sandboxes' credentials (SANDBOX_MODE=1):
// nobody should mistake the demo for a shop that takes real money. Both languages, whatever the page's.
// Its words are in the common area, which every page loads anyway: importing the whole table here put every
// area's text into every page's JavaScript.
import { en, vi } from "~/i18n/messages/common";

export function SandboxRibbon() {
  return (
    <aside className="sandbox-ribbon" aria-label="Sandbox" data-testid="sandbox-ribbon">
      <strong lang="vi">{vi["sandbox.ribbon"]}</strong> <span lang="en">{en["sandbox.ribbon"]}</span>
    </aside>
  );
}
