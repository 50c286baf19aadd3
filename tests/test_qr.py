"""QR codes are kept in the build cache: a later build reads the very same SVG."""

from samverkanstrappan.render import qr


def test_a_cached_code_is_the_code_made_fresh(tmp_path, monkeypatch):
    url = "https://exempelstad.se/sv/vagvisare/flera/ekonomi+psykisk-halsa/"
    fresh = qr.qr_svg(url, "QR-kod")
    assert qr.qr_svg(url, "QR-kod", tmp_path) == fresh  # made, and kept
    assert len(list(tmp_path.glob("*.svg"))) == 1 and not list(tmp_path.glob(".*"))
    monkeypatch.setattr(qr, "_made", lambda text: "<svg never made again")
    assert qr.qr_svg(url, "QR-kod", tmp_path) == fresh  # read from the cache


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path):
    blocked = tmp_path / "fil"
    blocked.write_text("not a folder")
    url = "https://exempelstad.se/sv/"
    assert qr.qr_svg(url, "QR-kod", blocked / "qr") == qr.qr_svg(url, "QR-kod")
