"""Take the README's screenshots from a running Casebook (make run), in Debian's Chromium.

Usage: .venv/bin/python scripts/screenshots.py http://127.0.0.1:5000 EMAIL PASSWORD [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = [
    ("dashboard", "/"),
    ("cases", "/cases"),
    ("quick-entry", "/cases/new"),
    ("search", "/search?q=Khuzdar"),
]


def main() -> None:
    base, email, password = sys.argv[1:4]
    out = Path(sys.argv[4] if len(sys.argv) > 4 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/login")
        page.screenshot(path=str(out / "login.png"))
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        for name, path in PAGES:
            page.goto(base + path)
            page.screenshot(path=str(out / f"{name}.png"), full_page=True)
        page.goto(base + "/cases")
        first = page.locator("table a[href^='/cases/']").first
        if first.count():
            first.click()
            page.wait_for_load_state()
            page.screenshot(path=str(out / "case-page.png"), full_page=True)
        browser.close()
    print(f"Screenshots written to {out}/")


if __name__ == "__main__":
    main()
