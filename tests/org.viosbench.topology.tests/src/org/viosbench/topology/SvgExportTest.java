package org.viosbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG drawing of a topology: well-formed, one group per element, mapping arrows ending on the partitions' edges. */
class SvgExportTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void theSmallSampleIsDrawnElementByElement() throws Exception {
        Topology t = Samples.build("small");
        Document d = parse(SvgExport.svg(t));
        assertEquals(2, byClass(d, "g", "cec").size());
        assertEquals(4, byClass(d, "g", "vios").size());
        assertEquals(8, byClass(d, "g", "lpar").size());
        List<Element> lines = byClass(d, "line", "mapping");
        assertEquals(16, lines.size());
        Cec last = t.cecs().get(1);
        assertEquals(String.valueOf(last.bounds().x() + last.bounds().width() + 24), d.getDocumentElement().getAttribute("width"));
        String text = d.getDocumentElement().getTextContent();
        for (Partition p : t.lpars()) {
            assertTrue(text.contains(p.name()), p.name());
        }
        assertTrue(text.contains("VIOS DB"), "the database node is labelled");

        for (int i = 0; i < lines.size(); i++) {
            Mapping m = t.mappings().get(i);
            Element line = lines.get(i);
            onEdge(m.lpar(), Double.parseDouble(line.getAttribute("x1")), Double.parseDouble(line.getAttribute("y1")));
            onEdge(m.vios(), Double.parseDouble(line.getAttribute("x2")), Double.parseDouble(line.getAttribute("y2")));
            assertTrue(line.getTextContent().contains(m.adapter() + " serves " + m.backingDevice()), line.getTextContent());
        }
    }

    /** The point lies on the border of {@code p}'s rectangle (absolute coordinates). */
    private static void onEdge(Partition p, double x, double y) {
        double left = p.cec().bounds().x() + p.bounds().x();
        double top = p.cec().bounds().y() + p.bounds().y();
        double right = left + p.bounds().width();
        double bottom = top + p.bounds().height();
        boolean inside = x >= left - 0.6 && x <= right + 0.6 && y >= top - 0.6 && y <= bottom + 0.6;
        boolean border = Math.min(Math.min(Math.abs(x - left), Math.abs(x - right)), Math.min(Math.abs(y - top), Math.abs(y - bottom))) < 0.6;
        assertTrue(inside && border, p.label() + ": (" + x + ", " + y + ") not on its edge");
    }

    @Test
    void namesAreEscaped() throws Exception {
        Topology t = Samples.build("small");
        t.setName("a<b & \"c\"");
        Document d = parse(SvgExport.svg(t));
        assertEquals("a<b & \"c\"", d.getElementsByTagName("title").item(0).getTextContent());
    }

    /** A name with a control character (which XML 1.0 cannot hold, even escaped) still gives well-formed XML. */
    @Test
    void controlCharactersInNamesStillGiveWellFormedXml() throws Exception {
        Topology t = Samples.build("small");
        t.setName("bell\u0007 nul\u0000 tab\tend");
        t.vioses().get(0).setName("vios\u001b1");
        Document d = parse(SvgExport.svg(t));
        assertEquals("bell\ufffd nul\ufffd tab\tend", d.getElementsByTagName("title").item(0).getTextContent());
    }
}
