"""Files a careless or hostile user may hand over: each one is refused with its
name and one plain reason, or read, and never stops the batch."""
import importlib.metadata
import logging
import os
import zipfile
from pathlib import Path

import docx
import pytest

from orgkg.extractors.read import reader, split
from orgkg.extractors.read.document import Source
from orgkg.extractors.read.formats import docx as docx_format
from orgkg.extractors.read.reader import iter_files, read_source
from orgkg.graph.errors import InputError
from test_reader_formats import NOTICE, _fpdf_notice

SPACY_MAX_LENGTH = 1_000_000


def _docx(path, text=NOTICE):
    document = docx.Document()
    for line in text.strip().split("\n"):
        document.add_paragraph(line)
    document.save(path)
    return path


def _rewrite_member(path, name, data: bytes):
    members = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            members[info.filename] = z.read(info)
    members[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, content in members.items():
            z.writestr(member, content)


@pytest.mark.parametrize("damage", [
    b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body><w:p>",
    b"\x00\x01 not xml at all",
    b"<?xml version='1.0'?><a><b></a>",
])
def test_reader_docx_with_damaged_xml_is_refused_with_its_name(tmp_path, damage):
    path = _docx(tmp_path / "damaged.docx")
    _rewrite_member(path, "word/document.xml", damage)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.path == str(path) and "damaged or not a .docx" in err.value.reason


def test_reader_docx_zip_bomb_is_refused_on_its_inflated_size(tmp_path):
    path = _docx(tmp_path / "bomb.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/media/filler.bin", "w", force_zip64=True) as member:
            chunk = b"\0" * 2**20
            for _ in range(docx_format.MAX_INFLATED // len(chunk) + 16):
                member.write(chunk)
    assert path.stat().st_size < 2 * 2**20                     # small on disk
    with pytest.raises(InputError, match="zip bomb") as err:
        read_source(path)
    assert err.value.path == str(path)


def test_reader_folder_with_symlink_loops_reports_them_and_reads_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "self").symlink_to("self")                    # a loop
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")                          # a loop of two
    (tmp_path / "up").symlink_to("..")                        # a folder link: not entered
    (tmp_path / "gone").symlink_to("nowhere.txt")
    read, errors = [], {}
    for path in iter_files([tmp_path]):
        try:
            read.append(read_source(path).name)
        except InputError as exc:
            errors[Path(exc.path).name] = exc.reason
    assert read == ["good.txt"]
    assert errors == {"self": "symbolic link loop", "a": "symbolic link loop", "b": "symbolic link loop",
                      "gone": "broken symbolic link"}


def test_reader_file_name_that_is_not_utf8_is_read_and_named_printably(tmp_path):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/\xb9\xe3\xd6\xdd\x1b]0;x\x07.txt"))   # GBK bytes, an escape
    path.write_text(NOTICE, encoding="utf-8")
    (found,) = iter_files([tmp_path])
    source = read_source(found)
    assert source.name == "\\xb9\\xe3\\xd6\\xdd]0;x.txt"
    assert source.name.encode("utf-8")                           # printable and writable as JSON


def test_reader_pdf_encrypted_with_aes_and_an_owner_password_only_is_read(tmp_path):
    import pypdf
    assert any("crypto" in r for r in importlib.metadata.requires("orgkg")), "pypdf[crypto] is not declared"
    plain = tmp_path / "plain.pdf"
    _fpdf_notice(plain, NOTICE.strip().split("\n"))
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    locked = tmp_path / "locked.pdf"
    writer.write(locked)
    assert pypdf.PdfReader(str(locked)).is_encrypted
    assert read_source(locked).raw.replace(" ", "") == read_source(plain).raw.replace(" ", "")


def test_reader_pdf_warnings_carry_the_file_name(tmp_path, caplog):
    path = tmp_path / "bad-xref.pdf"
    _fpdf_notice(path, NOTICE.strip().split("\n"))
    data = path.read_bytes()
    head, _, tail = data.rpartition(b"startxref")
    path.write_bytes(head + b"startxref\n999999\n%%EOF\n")      # a wrong pointer: pypdf warns and recovers
    with caplog.at_level(logging.WARNING):
        read_source(path)
    warned = [r.getMessage() for r in caplog.records if "pypdf" in r.getMessage()]
    assert warned and all(m.startswith(f"{path}: pypdf: ") for m in warned)


def _lines(n):
    para = "重庆市科学技术协会要求各区县科协认真贯彻落实科普中国建设，中共重庆市委召开会议。"
    return "\n".join([para] * n)


@pytest.mark.parametrize("raw", [
    _lines(26000),                                                        # a yearbook: many paragraphs
    _lines(26000).replace("\n", ""),                                      # one line, many sentences
    "重庆市科学技术协会" * 120000,                                          # one line, no sentence end
], ids=["paragraphs", "one-line", "no-sentence-end"])
def test_split_long_document_is_cut_below_spacy_max_length_keeping_offsets(raw):
    assert len(raw) > SPACY_MAX_LENGTH
    docs = split.split_documents(Source(Path("yearbook.txt"), raw))
    assert len(docs) > 1 and all(len(d.text) <= split.MAX_DOC_CHARS < SPACY_MAX_LENGTH for d in docs)
    for doc in docs:
        a, b = doc.raw_span(0, len(doc.text))
        assert raw[a:b].replace("\n", "") == doc.text.replace("\n", "")
    assert docs[0].raw_span(0, 1)[0] == 0 and docs[-1].raw_span(0, len(docs[-1].text))[1] == len(raw)


def test_reader_file_over_the_character_limit_is_reported(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("科" * (reader.MAX_CHARS + 1), encoding="utf-8")
    with pytest.raises(InputError, match="over the limit") as err:
        read_source(path)
    assert err.value.path == str(path)
