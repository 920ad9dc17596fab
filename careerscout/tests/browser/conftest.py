"""Playwright fixtures: Debian's Chromium against pytest-django's live server.

Every page a test looks at goes through `Tab.check(step)`, which saves a screenshot under
test-artifacts/screenshots/ and audits the page with axe-core. Meanwhile each tab records
Content Security Policy violations reported on the console, uncaught JavaScript errors,
missing static files and server errors; `Tab.assert_clean()` fails on any of them and on
serious or critical accessibility problems.

Tabs keep the site's real CSP. axe-core cannot be added with a <script> tag under
`script-src 'self'`, so it is evaluated through the DevTools protocol instead, which the page's
CSP does not govern; that way the page is audited exactly as the person sees it (form errors,
flash messages, htmx updates) without turning CSP off.
"""

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[3]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE_REPORT = ROOT / "test-artifacts" / "axe-report.txt"
CHROMIUM = Path(os.environ.get("CAREERSCOUT_CHROMIUM", "/usr/bin/chromium"))
# Without the networking flags Chromium keeps calling Google's servers, which this sandbox and
# most CI machines refuse; --no-sandbox because the tests may run as root.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FAILING_IMPACTS = {"serious", "critical"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Everything in this folder drives a browser, whether or not it says so."""
    folder = Path(__file__).parent
    for item in items:
        if folder in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing. Install it with 'apt-get install chromium' "
            "(never 'playwright install'), or point CAREERSCOUT_CHROMIUM at a Chromium."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, and Django refuses database
    # work from a thread with a running loop unless told it is safe. Here it is: the loop
    # only waits for the browser. Set for the browser tests only, and put back afterwards.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run 'npm ci' (or 'make test', which does).")
    return AXE_SCRIPT.read_text()


@pytest.fixture(scope="session", autouse=True)
def fresh_artifacts():
    """Old screenshots would be mistaken for new ones."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    AXE_REPORT.unlink(missing_ok=True)


@dataclass
class Tab:
    """One browser context with one page, and what went wrong in it so far."""

    name: str
    page: "Page"
    axe_source: str
    problems: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    steps: int = 0

    def watch(self) -> None:
        def on_console(message) -> None:
            if "Content Security Policy" in message.text:
                self.problems.append(f"CSP on {self.page.url}: {message.text}")

        def on_response(response) -> None:
            path = response.url.split("?")[0]
            if response.status >= 500 or ("/static/" in path and response.status >= 400):
                self.problems.append(f"HTTP {response.status} for {response.url}")

        self.page.on("console", on_console)
        self.page.on("pageerror", lambda error: self.problems.append(f"JavaScript: {error}"))
        self.page.on("response", on_response)

    def check(self, step: str, *, audit: bool = True) -> None:
        """Screenshot the page as it is now and audit it with axe-core."""
        self.steps += 1
        label = f"{self.name}-{self.steps:02d}-{step}"
        self.page.screenshot(path=SCREENSHOTS / f"{label}.png", full_page=True)
        if audit:
            self.audit(label)

    def audit(self, label: str) -> None:
        if not self.page.evaluate("typeof window.axe === 'object'"):
            self.page.evaluate(self.axe_source)
        results = self.page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        lines = []
        for violation in results["violations"]:
            text = describe(violation, label, self.page.url)
            lines.append(text)
            if violation["impact"] in FAILING_IMPACTS:
                self.violations.append(text)
        with AXE_REPORT.open("a") as report:
            report.write(f"== {label} {self.page.url}: {len(lines)} problem(s)\n")
            report.writelines(line + "\n" for line in lines)

    def overflows_horizontally(self) -> bool:
        return self.page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )

    def assert_clean(self) -> None:
        report = []
        if self.violations:
            report.append(
                f"axe-core found {len(self.violations)} serious or critical problem(s):\n"
                + "\n".join(self.violations)
            )
        if self.problems:
            report.append("The browser reported:\n  " + "\n  ".join(self.problems))
        assert not report, "\n\n".join(report)


def describe(violation: dict, label: str, url: str) -> str:
    nodes = violation["nodes"]
    lines = [
        f"  [{violation['impact']}] {violation['id']} at {label} ({url}): {violation['help']}",
        f"      {violation['helpUrl']}",
    ]
    for node in nodes[:5]:
        summary = re.sub(r"\s+", " ", node.get("failureSummary") or "").strip()
        lines.append(f"      {' '.join(map(str, node['target']))}: {summary}")
    if len(nodes) > 5:
        lines.append(f"      … and {len(nodes) - 5} more element(s)")
    return "\n".join(lines)


@pytest.fixture
def open_tab(browser, live_server, axe_source) -> Iterator:
    """`open_tab(name, **context_options)` opens a watched tab on the live server."""
    contexts = []

    def open_tab(name: str, **options) -> Tab:
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        tab = Tab(name=name, page=context.new_page(), axe_source=axe_source)
        tab.watch()
        return tab

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def occupations_loaded(live_server) -> None:
    """The live server's tests empty every table between tests, the occupations loaded by
    `migrate` included: put them back for each test that needs them."""
    from careerscout.occupations.loading import load_shipped
    from careerscout.occupations.matching import forget_index
    from careerscout.occupations.models import Occupation

    if not Occupation.objects.exists():
        load_shipped()
    forget_index()
