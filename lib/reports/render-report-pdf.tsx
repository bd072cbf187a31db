import { Document, Line, Page, Rect, StyleSheet, Svg, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { ja } from "@/lib/i18n/ja";
import { FAMILY, registerFonts } from "./pdf-font";
import type { AuditHead } from "@/lib/audit";
import { auditHeadLine, reportCover, reportHeading } from "./report-heading";
import { formatCell, reportTables, type ReportTable } from "./report-tables";
import type { Report } from "./schemas";

const styles = StyleSheet.create({
  page: { fontFamily: FAMILY, fontSize: 8.5, paddingTop: 56, paddingBottom: 48, paddingHorizontal: 36, color: "#111" },
  header: { position: "absolute", top: 20, left: 36, right: 36, flexDirection: "row", justifyContent: "space-between", borderBottomWidth: 0.5, borderBottomColor: "#888", paddingBottom: 4 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: "#444" },
  headingLine: { fontSize: 9, marginBottom: 2 },
  section: { marginTop: 14 },
  tableTitle: { fontSize: 11, fontWeight: 700, marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#bbb" },
  headRow: { flexDirection: "row", backgroundColor: "#e8eef4", borderBottomWidth: 0.75, borderBottomColor: "#555" },
  cell: { paddingVertical: 2.5, paddingHorizontal: 3 },
  number: { textAlign: "right" },
  bold: { fontWeight: 700 },
  coverDate: { textAlign: "right", fontSize: 10 },
  coverAddressee: { fontSize: 12, marginTop: 8 },
  coverTitle: { fontSize: 15, fontWeight: 700, textAlign: "center", marginTop: 14 },
  coverPeriod: { fontSize: 11, textAlign: "center", marginTop: 4 },
  coverSignatory: { fontSize: 10, textAlign: "right", marginTop: 2 },
  coverBlock: { marginBottom: 6, paddingBottom: 8, borderBottomWidth: 0.75, borderBottomColor: "#555" },
  remarks: { borderWidth: 0.75, borderColor: "#555", padding: 6, minHeight: 60, fontSize: 9, lineHeight: 1.5 },
  chartRow: { flexDirection: "row", alignItems: "center", marginTop: 1.5 },
  chartLabel: { width: 150, fontSize: 7.5, paddingRight: 4, textAlign: "right" },
  chartValue: { width: 40, fontSize: 7.5, paddingLeft: 4 },
});

const CHART_WIDTH = 300;

/** A horizontal bar chart drawn as vectors (crisp in print, searchable labels beside it). */
function BarChartView({ table }: { table: ReportTable }) {
  const rows = (table.totalRow ? table.rows.slice(0, -1) : table.rows).map((row) => ({ label: formatCell(row[0] ?? null), value: Number(row[table.chartColumn!] ?? 0) }));
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <View style={{ marginTop: 6 }} wrap={false}>
      {rows.map((row, i) => (
        <View key={i} style={styles.chartRow}>
          <Text style={styles.chartLabel}>{row.label}</Text>
          <Svg width={CHART_WIDTH} height={9} viewBox={`0 0 ${CHART_WIDTH} 9`}>
            <Line x1={0} y1={0} x2={0} y2={9} stroke="#555" strokeWidth={0.75} />
            <Rect x={0} y={1.5} width={(row.value / max) * CHART_WIDTH} height={6} fill="#2f6f9f" />
          </Svg>
          <Text style={styles.chartValue}>{row.value.toLocaleString("ja-JP")}</Text>
        </View>
      ))}
    </View>
  );
}

/** The cover block of a report a contractor submits: date, addressee, title, period, signatories. */
function CoverView({ report }: { report: Report }) {
  const cover = reportCover(report);
  return (
    <View style={styles.coverBlock}>
      <Text style={styles.coverDate}>{cover.submittedOn}</Text>
      {cover.addressee && <Text style={styles.coverAddressee}>{cover.addressee}</Text>}
      <Text style={styles.coverTitle}>{cover.documentTitle}</Text>
      <Text style={styles.coverPeriod}>{cover.period}</Text>
      {cover.signatories.map((line) => (
        <Text key={line} style={styles.coverSignatory}>
          {line}
        </Text>
      ))}
    </View>
  );
}

/** Dates (「10月3日(土)」) and month names must not break over two lines: the first column gets room for its longest cell. */
const KEEP_FIRST_COLUMN_WHOLE = new Set(["workLog", "reception", "byMonth"]);

function firstColumnWidth(table: ReportTable, fontSize: number): number {
  const width = (text: string) => [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.55 : 1) * fontSize, 0);
  return Math.ceil(Math.max(...[table.columns[0] ?? "", ...table.rows.map((row) => formatCell(row[0] ?? null))].map(width)) + 10);
}

/** Text columns (labels, names, notes) get more room than count columns. */
function columnFlex(table: ReportTable, index: number): number {
  const isText = table.rows.some((row) => typeof row[index] === "string" && row[index] !== "" && row[index] !== ja.reports.labels.staffedMark);
  if (index === 0) return table.wide ? 1.4 : 3;
  return isText ? 2.4 : 1;
}

function TableView({ table }: { table: ReportTable }) {
  if (table.key === "remarks") {
    return (
      <View style={styles.section} wrap={false}>
        <Text style={styles.tableTitle}>{table.title}</Text>
        <Text style={styles.remarks}>{formatCell(table.rows[0]?.[0] ?? null)}</Text>
      </View>
    );
  }
  const flex = table.columns.map((_, i) => columnFlex(table, i));
  const first = KEEP_FIRST_COLUMN_WHOLE.has(table.key) ? { width: firstColumnWidth(table, 8.5), flexGrow: 0, flexShrink: 0 } : null;
  const cellWidth = (i: number) => (i === 0 && first ? first : { flex: flex[i] });
  return (
    <View style={styles.section}>
      <Text style={styles.tableTitle} minPresenceAhead={40}>
        {table.title}
      </Text>
      <View style={styles.headRow} wrap={false}>
        {table.columns.map((column, i) => (
          <Text key={i} style={[styles.cell, styles.bold, cellWidth(i), i > 0 && !(flex[i]! > 1) ? styles.number : {}]}>
            {column}
          </Text>
        ))}
      </View>
      {table.rows.map((row, r) => (
        <View key={r} style={[styles.row, table.totalRow && r === table.rows.length - 1 ? styles.bold : {}]} wrap={false}>
          {row.map((cell, i) => (
            <Text key={i} style={[styles.cell, cellWidth(i), typeof cell === "number" || cell === null ? styles.number : {}]}>
              {formatCell(cell)}
            </Text>
          ))}
        </View>
      ))}
      {table.chartColumn !== undefined && !table.wide && <BarChartView table={table} />}
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
 * The report as a PDF: A4, a cover block (date, addressee, business, period in 和暦 and 西暦,
 * contractor and 業務責任者), the municipality and the period in every page's header, page numbers in
 * the footer beside the audit head the export was made at, one section per table with its bar chart.
 * Wide tables (the work log, the reception status, the cross tables) get landscape pages.
 */
export async function renderReportPdf(report: Report, auditHead: AuditHead): Promise<Buffer> {
  registerFonts();
  const heading = reportHeading(report);
  const tables = reportTables(report);
  const portrait = tables.filter((table) => !table.wide);
  const wide = tables.filter((table) => table.wide);
  const titleBlock = (
    <View>
      <CoverView report={report} />
      <Text style={styles.headingLine}>{heading.lines.at(-1)}</Text>
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
