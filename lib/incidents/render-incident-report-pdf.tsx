import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { ja } from "@/lib/i18n/ja";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports";
import type { IncidentView } from "./list-incidents";

const t = ja.incidents;
const inTokyo = tz("Asia/Tokyo");
const when = (at: Date | null) => (at ? format(at, "yyyy年M月d日 HH:mm", { in: inTokyo }) : t.notYet);

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10.5, paddingTop: 48, paddingBottom: 48, paddingHorizontal: 48, color: "#111" },
  footer: { position: "absolute", bottom: 20, left: 48, right: 48, textAlign: "center", fontSize: 8, color: "#444" },
  title: { fontSize: 20, fontWeight: 700, textAlign: "center", marginBottom: 16 },
  line: { marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#bbb", paddingVertical: 4 },
  label: { width: 150, fontWeight: 700 },
  value: { flex: 1 },
  signature: { marginTop: 28 },
});

/** 事故報告書: one incident for the city (個人情報取扱特記事項 第10), A4 in Japanese. */
export async function renderIncidentReportPdf(incident: IncidentView, options: { municipality: string | null }): Promise<Buffer> {
  registerPdfFonts();
  const rows: [string, string][] = [
    [t.kind, t.kinds[incident.kind]],
    [t.discoveredAt, when(incident.discoveredAt)],
    [t.scope, incident.scope],
    [t.actions, incident.actions],
    [t.cityNotifiedAt, when(incident.cityNotifiedAt)],
    [t.pdf.recordedAt, when(incident.recordedAt)],
    [t.recordedBy, incident.recordedByName],
    [t.updatedAt, `${when(incident.updatedAt)}（${incident.updatedByName}）`],
  ];
  return renderToBuffer(
    <Document title={t.pdf.title} language="ja">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{t.pdf.title}</Text>
        {options.municipality ? <Text style={styles.line}>{`${t.pdf.municipality}: ${options.municipality}`}</Text> : null}
        <Text style={[styles.line, { marginBottom: 12 }]}>{t.pdf.intro}</Text>
        {rows.map(([label, value]) => (
          <View key={label} style={styles.row} wrap={false}>
            <Text style={styles.label}>{label}</Text>
            <Text style={styles.value}>{value}</Text>
          </View>
        ))}
        <Text style={styles.signature}>{t.pdf.signature}</Text>
        <Text style={styles.footer} render={({ pageNumber, totalPages }) => t.pdf.page(pageNumber, totalPages)} fixed />
      </Page>
    </Document>,
  );
}
