import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { ja } from "@/lib/i18n/ja";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports";
import { checklistItems } from "./checklist";
import { formatJstDateTime } from "./jst-date-time";
import type { EmergencyView } from "./view-emergency";

const t = ja.emergency;
const p = t.pdf;

/** Date and time kept on one line in narrow columns (a no-break space between them). */
const when = (at: Date | null) => formatJstDateTime(at).replace(" ", "\u00a0");

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9.5, paddingTop: 48, paddingBottom: 48, paddingHorizontal: 40, color: "#111" },
  footer: { position: "absolute", bottom: 20, left: 40, right: 40, textAlign: "center", fontSize: 8, color: "#444" },
  title: { fontSize: 18, fontWeight: 700, marginBottom: 8 },
  line: { marginBottom: 2 },
  section: { marginTop: 14 },
  sectionTitle: { fontSize: 12, fontWeight: 700, marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#bbb" },
  headRow: { flexDirection: "row", backgroundColor: "#e8eef4", borderBottomWidth: 0.75, borderBottomColor: "#555" },
  cell: { paddingVertical: 3, paddingHorizontal: 3 },
  bold: { fontWeight: 700 },
});

function Table({ columns, flex, rows }: { columns: string[]; flex: number[]; rows: string[][] }) {
  return (
    <View>
      <View style={styles.headRow} fixed>
        {columns.map((column, i) => (
          <Text key={i} style={[styles.cell, styles.bold, { flex: flex[i] }]}>
            {column}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={styles.row} wrap={false}>
          {row.map((cell, i) => (
            <Text key={i} style={[styles.cell, { flex: flex[i] }]}>
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/**
 * 緊急対応報告: one emergency for the city, A4 in Japanese. It names the youth only by pseudonym and
 * holds what staff recorded (the checklist, the contacts), never the youth's own words or LINE id.
 */
export async function renderEmergencyReportPdf(emergency: EmergencyView, options: { municipality: string | null }): Promise<Buffer> {
  registerPdfFonts();
  const responders = [emergency.startedByName && `${p.first}: ${emergency.startedByName}`, emergency.joinedByName && `${p.second}: ${emergency.joinedByName}`].filter(Boolean).join("　");
  return renderToBuffer(
    <Document title={p.title} language="ja">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{p.title}</Text>
        {options.municipality ? <Text style={styles.line}>{`${p.municipality}: ${options.municipality}`}</Text> : null}
        <Text style={styles.line}>{`${p.pseudonym}: ${emergency.pseudonym}`}</Text>
        <Text style={styles.line}>{`${p.startedAt}: ${formatJstDateTime(emergency.startedAt)}`}</Text>
        <Text style={styles.line}>{`${p.endedAt}: ${emergency.endedAt ? formatJstDateTime(emergency.endedAt) : p.ongoing}`}</Text>
        <Text style={styles.line}>{`${p.responders}: ${responders}`}</Text>
        <View style={styles.section}>
          <Text style={styles.sectionTitle}>{p.checklist}</Text>
          <Table
            columns={[p.item, p.answer, t.note]}
            flex={[2.2, 1, 4]}
            rows={checklistItems.map((item) => [t.items[item], t.answers[emergency.checklist[item].answer], emergency.checklist[item].note])}
          />
        </View>
        <View style={styles.section}>
          <Text style={styles.sectionTitle}>{p.contacts}</Text>
          {emergency.contacts.length === 0 ? (
            <Text>{p.none}</Text>
          ) : (
            <Table
              columns={[t.contactKind, t.contactedAt, t.contactedBy, t.number, t.result, t.cityNotifiedAt]}
              flex={[1.2, 2.3, 1.2, 1.4, 2.3, 2.3]}
              rows={emergency.contacts.map((c) => [c.kindLabel, when(c.contactedAt), c.contactedByName, c.number, c.result, when(c.cityNotifiedAt)])}
            />
          )}
        </View>
        <Text style={styles.footer} render={({ pageNumber, totalPages }) => p.page(pageNumber, totalPages)} fixed />
      </Page>
    </Document>,
  );
}
