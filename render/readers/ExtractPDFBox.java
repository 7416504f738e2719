// ExtractPDFBox.java reads PDFs back with Apache PDFBox, for handbill's
// tests (readers_test.go runs it with Java's source launcher, the jars of
// Debian's libpdfbox2-java on the class path). Usage:
//
//	java -cp PDFBOX_JARS ExtractPDFBox.java < paths
//
// paths has one PDF file's path a line; the answer, on standard output, is
// a JSON list of {"pdf", "pages": [TEXT...], "error"} in the same order,
// each page's text as PDFTextStripper gives it with its defaults (what
// PDFBox's ExtractText tool and Apache Tika give). PDFBox takes text only
// from the fonts' ToUnicode maps (it ignores /ActualText), keeps a line's
// characters in the order they are drawn and then puts each line through
// the Unicode bidi algorithm (java.text.Bidi).

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

public class ExtractPDFBox {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder("[");
        String path;
        boolean first = true;
        while ((path = in.readLine()) != null) {
            if (path.isEmpty()) {
                continue;
            }
            List<String> pages = new ArrayList<>();
            String err = "";
            try (PDDocument doc = PDDocument.load(new File(path))) {
                PDFTextStripper s = new PDFTextStripper();
                for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                    s.setStartPage(i);
                    s.setEndPage(i);
                    pages.add(s.getText(doc));
                }
            } catch (Exception e) { // reported per file, like the other readers
                err = e.toString();
            }
            out.append(first ? "" : ",").append("{\"pdf\":").append(quote(path)).append(",\"pages\":[");
            for (int i = 0; i < pages.size(); i++) {
                out.append(i > 0 ? "," : "").append(quote(pages.get(i)));
            }
            out.append("],\"error\":").append(quote(err)).append("}");
            first = false;
        }
        out.append("]");
        PrintStream o = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        o.print(out);
        o.flush();
    }

    // quote returns s as a JSON string.
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
