"""read_source and iter_files: encodings, PDF, DOCX, HTML, and files that cannot be read."""
import inspect
import re
import zipfile
from pathlib import Path

import docx
import fpdf
import pytest

from orgkg.extractors.read.reader import iter_files, read_source
from orgkg.extractors.read.split import split_documents
from orgkg.graph.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "doc_layer"
NOTICE = ("渝科协发〔2022〕7号\n重庆市科学技术协会关于开展科普活动的通知\n各区县科协：\n"
          "现将有关事项通知如下，请认真贯彻落实。\n重庆市科学技术协会\n2022年3月8日\n")
CJK_FONTS = sorted(Path("/usr/share/fonts").rglob("wqy-zenhei.tt*")) + \
    sorted(Path("/usr/share/fonts").rglob("*CJK*.tt*"))


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
])
def test_reader_formats_text_encodings(tmp_path, encoding, prefix):
    path = tmp_path / "notice.txt"
    path.write_bytes(prefix + NOTICE.encode(encoding))
    source = read_source(path)
    assert source.raw == NOTICE                       # BOM removed: offsets count from 渝
    assert source.format == "txt"
    (doc,) = split_documents(source)
    assert doc.meta.number == "渝科协发〔2022〕7号" and doc.meta.date == "2022-03-08"
    a, b = doc.meta.title_span
    m = doc.mention(a, b)
    assert source.raw[m["start"]:m["end"]] == "重庆市科学技术协会关于开展科普活动的通知"


def test_reader_formats_short_gbk_text_is_not_taken_for_utf8(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("科协".encode("gbk"))
    assert read_source(path).raw == "科协"
    assert read_source(path).encoding == "gb18030"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_reader_formats_crlf_offsets_count_both_characters(tmp_path, newline):
    path = tmp_path / "crlf.txt"
    path.write_bytes(NOTICE.replace("\n", newline).encode("utf-8"))
    source = read_source(path)
    (doc,) = split_documents(source)
    a, b = doc.meta.title_span
    m = doc.mention(a, b)
    assert source.raw[m["start"]:m["end"]] == "重庆市科学技术协会关于开展科普活动的通知"


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "empty file"),
    ("binary.txt", bytes(range(256)) * 8, "binary file"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "unsupported file type"),
    ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 64, "unsupported file type"),
    ("broken.pdf", b"%PDF-1.4\nthis is not a pdf body\n", "damaged PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "damaged or not a .docx"),
])
def test_reader_formats_unreadable_files(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert reason in err.value.reason
    assert str(path) in str(err.value)


def test_reader_formats_missing_and_folder_and_permission(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="not a regular file"):
        read_source(tmp_path)
    path = tmp_path / "locked.txt"
    path.write_text("科协", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", denied)      # root can read a chmod 000 file
    with pytest.raises(InputError, match="permission denied"):
        read_source(path)


def test_reader_formats_unknown_suffix_is_sniffed(tmp_path):
    path = tmp_path / "notice.dat"
    path.write_bytes(NOTICE.encode("gb18030"))
    assert read_source(path).raw == NOTICE


def _fpdf_notice(path, lines):
    assert CJK_FONTS, "install fonts-wqy-zenhei (apt) for the PDF tests"
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=str(CJK_FONTS[0]))
    pdf.set_font("cjk", size=14)
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_reader_formats_pdf_text_layer(tmp_path):
    path = tmp_path / "notice.pdf"
    lines = NOTICE.strip().split("\n")
    _fpdf_notice(path, lines)
    source = read_source(path)
    assert source.format == "pdf"
    assert [re.sub(r"\s", "", line) for line in source.raw.split("\n") if line.strip()] == lines
    (doc,) = split_documents(source)
    assert doc.meta.issuer == "重庆市科学技术协会"
    assert doc.meta.addressees == ["各区县科协"]
    a, b = doc.meta.title_span
    m = doc.mention(a, b)           # offsets point into the extracted text
    assert re.sub(r"\s", "", source.raw[m["start"]:m["end"]]) == lines[1]


class _PagedPDF(fpdf.FPDF):
    """A 公文 as printed: a running header and a page number on every page."""

    def header(self):
        self.set_font("cjk", size=10)
        self.cell(0, 8, "重庆市科学技术协会文件", align="C", new_x="LMARGIN", new_y="NEXT")

    def footer(self):
        self.set_y(-15)
        self.set_font("cjk", size=10)
        self.cell(0, 8, f"— {self.page_no()} —", align="C")


def test_reader_formats_pdf_pages_are_rejoined(tmp_path):
    """Lines wrapped by the page are joined, headers and page numbers dropped."""
    assert CJK_FONTS, "install fonts-wqy-zenhei (apt) for the PDF tests"
    paras = [f"第{i}项，科协是党领导下的人民团体，是党和政府联系科技工作者的桥梁和纽带，"
             f"要充分发挥重庆市科学技术协会在第{i}个领域的组织优势。" for i in range(1, 15)]
    pdf = _PagedPDF()
    pdf.add_font("cjk", fname=str(CJK_FONTS[0]))
    pdf.add_page()
    pdf.set_font("cjk", size=14)
    pdf.multi_cell(120, 9, "渝科协发〔2022〕7号\n重庆市科学技术协会关于开展科普活动的通知\n各区县科协：\n"
                   + "\n".join(paras) + "\n重庆市科学技术协会\n2022年3月8日")
    path = tmp_path / "paged.pdf"
    pdf.output(str(path))
    source = read_source(path)
    assert source.raw.count("— 2 —") == 1 and source.raw.count("作者的桥梁") == 14
    (doc,) = split_documents(source)
    lines = doc.text.split("\n")
    assert lines[3:17] == paras
    assert "—" not in doc.text and "文件" not in doc.text
    assert doc.meta.number == "渝科协发〔2022〕7号" and doc.meta.date == "2022-03-08"
    assert doc.meta.issuer == "重庆市科学技术协会"


def test_reader_formats_pdf_without_text_layer(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")     # a page as a scanner makes it: no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match=r"no text layer \(scanned PDF\?\)"):
        read_source(path)


def test_reader_formats_docx_paragraphs_and_tables_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("重庆市科学技术协会关于开展科普活动的通知")
    document.add_paragraph("各区县科协：")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "单位", "人数"
    table.cell(1, 0).text, table.cell(1, 1).text = "市科协", "12"
    document.add_paragraph("请认真贯彻落实。")
    path = tmp_path / "notice.docx"
    document.save(path)
    source = read_source(path)
    assert source.format == "docx"
    assert source.raw.split("\n") == ["重庆市科学技术协会关于开展科普活动的通知", "各区县科协：",
                                      "单位", "人数", "市科协", "12", "请认真贯彻落实。"]
    (doc,) = split_documents(source)
    assert doc.meta.kind == "notice" and doc.meta.addressees == ["各区县科协"]


def test_reader_formats_docx_that_is_a_zip_without_word(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="damaged or not a .docx"):
        read_source(path)


def test_reader_formats_html_declared_charset_and_blocks():
    source = read_source(FIXTURES / "notice_gb2312.html")
    assert source.format == "html"
    lines = source.raw.split("\n")
    assert "重庆市科学技术协会关于开展科普活动的通知" in lines
    assert "var x" not in source.raw and "color" not in source.raw and "页面标题" not in source.raw
    assert "现将有关事项 通知如下，请认真贯彻落实。" in lines and "A & B" in lines
    (doc,) = split_documents(source)
    assert doc.meta.addressees == ["各区县科协", "市级学会"]


def test_reader_formats_iter_files_is_lazy_sorted_and_skips_hidden(tmp_path):
    for rel in ["b.txt", "a/z.txt", "a/y.txt", ".hidden.txt", ".git/config", "a/.cache/x.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("科协。", encoding="utf-8")
    files = iter_files([tmp_path, tmp_path / "missing.txt"])
    assert inspect.isgenerator(files)
    got = [str(p.relative_to(tmp_path)) if p.is_relative_to(tmp_path) else str(p) for p in files]
    assert got == ["a/y.txt", "a/z.txt", "b.txt", "missing.txt"]


def test_reader_formats_batch_goes_on_after_a_bad_file(tmp_path):
    (tmp_path / "1.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_bytes(NOTICE.encode("gb18030"))
    read, errors = [], []
    for path in iter_files([tmp_path]):
        try:
            read.append(read_source(path).name)
        except InputError as exc:
            errors.append((Path(exc.path).name, exc.reason))
    assert read == ["1.txt", "3.txt"] and errors == [("2.txt", "empty file")]
