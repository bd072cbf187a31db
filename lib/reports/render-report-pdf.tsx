import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { ja } from "@/lib/i18n/ja";
import { FAMILY, registerFonts } from "./pdf-font";
import type { AuditHead } from "@/lib/audit";
import { auditHeadLine, reportHeading } from "./report-heading";
import { formatCell, reportTables, type ReportTable } from "./report-tables";
import type { Report } from "./schemas";

const styles = StyleSheet.create({
  page: { fontFamily: FAMILY, fontSize: 8.5, paddingTop: 56, paddingBottom: 48, paddingHorizontal: 36, color: "#111" },
  header: { position: "absolute", top: 20, left: 36, right: 36, flexDirection: "row", justifyContent: "space-between", borderBottomWidth: 0.5, borderBottomColor: "#888", paddingBottom: 4 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: "#444" },
  title: { fontSize: 16, fontWeight: 700, marginBottom: 4 },
  headingLine: { fontSize: 9, marginBottom: 2 },
  section: { marginTop: 14 },
  tableTitle: { fontSize: 11, fontWeight: 700, marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#bbb" },
  headRow: { flexDirection: "row", backgroundColor: "#e8eef4", borderBottomWidth: 0.75, borderBottomColor: "#555" },
  cell: { paddingVertical: 2.5, paddingHorizontal: 3 },
  number: { textAlign: "right" },
  bold: { fontWeight: 700 },
});

/** Text columns (labels, names, notes) get more room than count columns. */
function columnFlex(table: ReportTable, index: number): number {
  const isText = table.rows.some((row) => typeof row[index] === "string" && row[index] !== "" && row[index] !== ja.reports.labels.staffedMark);
  if (index === 0) return table.wide ? 1.4 : 3;
  return isText ? 2.4 : 1;
}

function TableView({ table }: { table: ReportTable }) {
  const flex = table.columns.map((_, i) => columnFlex(table, i));
  return (
    <View style={styles.section}>
      <Text style={styles.tableTitle} minPresenceAhead={40}>
        {table.title}
      </Text>
      <View style={styles.headRow} wrap={false}>
        {table.columns.map((column, i) => (
          <Text key={i} style={[styles.cell, styles.bold, { flex: flex[i] }, i > 0 && !(flex[i]! > 1) ? styles.number : {}]}>
            {column}
          </Text>
        ))}
      </View>
      {table.rows.map((row, r) => (
        <View key={r} style={[styles.row, table.totalRow && r === table.rows.length - 1 ? styles.bold : {}]} wrap={false}>
          {row.map((cell, i) => (
            <Text key={i} style={[styles.cell, { flex: flex[i] }, typeof cell === "number" || cell === null ? styles.number : {}]}>
              {formatCell(cell)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function Frame({ report, auditHead, children, orientation }: { report: Report; auditHead: AuditHead; children: React.ReactNode; orientation: "portrait" | "landscape" }) {
  const heading = reportHeading(report);
  return (
    <Page size="A4" orientation={orientation} style={styles.page}>
      <View style={styles.header} fixed>
        <Text>{report.municipality ?? ja.appName}</Text>
        <Text>{heading.title}</Text>
      </View>
      {children}
      <View style={styles.footer} fixed>
        <Text>{auditHeadLine(auditHead)}</Text>
        <Text render={({ pageNumber, totalPages }) => ja.reports.header.page.replace("{page}", String(pageNumber)).replace("{pages}", String(totalPages))} />
      </View>
    </Page>
  );
}

/**
 * The report as a PDF: A4, the municipality and the period in every page's header, page numbers in
 * the footer beside the audit head the export was made at, one section per table. Wide tables (the work
 * log, the reception status) get landscape pages.
 */
export async function renderReportPdf(report: Report, auditHead: AuditHead): Promise<Buffer> {
  registerFonts();
  const heading = reportHeading(report);
  const tables = reportTables(report);
  const portrait = tables.filter((table) => !table.wide);
  const wide = tables.filter((table) => table.wide);
  const titleBlock = (
    <View>
      <Text style={styles.title}>{heading.title}</Text>
      {heading.lines.map((line) => (
        <Text key={line} style={styles.headingLine}>
          {line}
        </Text>
      ))}
    </View>
  );
  const document = (
    <Document title={heading.title} author={report.municipality ?? ja.appName} creator={ja.appName} producer={ja.appName} language="ja">
      {portrait.length > 0 && (
        <Frame report={report} auditHead={auditHead} orientation="portrait">
          {titleBlock}
          {portrait.map((table) => (
            <TableView key={table.key} table={table} />
          ))}
        </Frame>
      )}
      {wide.map((table, i) => (
        <Frame key={table.key} report={report} auditHead={auditHead} orientation="landscape">
          {portrait.length === 0 && i === 0 && titleBlock}
          <TableView table={table} />
        </Frame>
      ))}
    </Document>
  );
  return renderToBuffer(document);
}
