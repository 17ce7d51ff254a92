"""`htmltext`: the one HTML-to-text converter that GIFT, Anki packages and CSV files share."""

from __future__ import annotations

from quizapp.core.formats import csv, gift
from quizapp.core.formats.ankinote import plain_fields
from quizapp.core.formats.htmltext import convert_html, html_to_text


def test_white_space_collapses_as_a_browser_shows_it() -> None:
    text, _ = html_to_text("<p>One\n   two <b> three</b>\t four</p>\n\n<p>  five  </p>")
    assert text == "One two three four\nfive"
    # A non-breaking space is not collapsible white space: two of them stay two spaces.
    assert html_to_text("a&nbsp;&nbsp;b")[0] == "a  b"
    assert html_to_text("x<pre>  keep\n    this</pre>after")[0] == "x\n  keep\n    this\nafter"


def test_breaks_paragraphs_and_list_items_are_lines() -> None:
    html = "first<br>second<p>para</p><ol><li>one</li><li>two</li></ol><h2>Head</h2>tail"
    assert html_to_text(html)[0] == "first\nsecond\npara\n- one\n- two\nHead\ntail"
    assert html_to_text("a<br><br><br><br>b")[0] == "a\n\nb"  # at most one blank line


def test_entities_are_unescaped() -> None:
    assert html_to_text("&lt;b&gt; &amp; &eacute;&#233;&#x263A; &quot;q&quot;")[0] == (
        '<b> & éé☺ "q"'
    )


def test_links_keep_their_address() -> None:
    html = (
        '<a href="https://ex.org/a">the site</a>, <a href="https://ex.org">https://ex.org</a>, '
        '<a href="mailto:me@ex.org">mail me</a>, <a href="javascript:x()">click</a>'
    )
    assert html_to_text(html)[0] == (
        "the site (https://ex.org/a), https://ex.org, mail me (mailto:me@ex.org), click"
    )


def test_images_and_media_are_reported_by_file_name() -> None:
    plain = convert_html(
        '<img src="@@PLUGINFILE@@/map.png" alt="Map"> <img alt="logo"> '
        '<audio src="media/hello.mp3"></audio><video><source src="clip.mp4"></video>'
        "<script>alert(1)</script><style>p {}</style>"
    )
    assert plain.text == "[Map] [logo]"  # an image is shown by its alt text
    assert plain.images == ("map.png", "logo")
    assert plain.media == ("hello.mp3", "clip.mp4")
    assert html_to_text('<audio src="a.mp3"></audio><img src="b.png">')[1] == ("b.png", "a.mp3")


def test_gift_and_anki_read_the_same_html_the_same_way() -> None:
    html = '<p>See  <a href="https://ex.org">the\n site</a></p><ul><li>a &amp; b</li></ul>'
    expected = "See the site (https://ex.org)\n- a & b"
    from_gift = gift.import_bank(f"[html]{html}{{T}}".encode(), "x.gift").bank.questions[0]
    assert from_gift.prompt == expected
    assert plain_fields([html], html=True).fields == (expected,)
    row = html.replace('"', '""')
    from_csv = csv.import_bank(f'#html:true\n"{row}",back\n'.encode(), "x.csv").bank
    assert from_csv.questions[0].prompt == expected


def test_gift_names_the_kind_of_media_left_out() -> None:
    result = gift.import_bank(b'[html]Hear <audio src="a/b.mp3"></audio> it.{T}', "x.gift")
    assert result.bank.questions[0].prompt == "Hear it."
    assert [n.message for n in result.notes] == ["media are not imported (left out: b.mp3)"]
    result = gift.import_bank(
        b'[html]Look <img src="m.png"> <audio src="b.mp3"></audio>{T}', "x.gift"
    )
    assert [n.message for n in result.notes] == [
        "images and media are not imported, their alt text is kept (left out: m.png, b.mp3)"
    ]
