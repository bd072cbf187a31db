import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { ja } from "@/lib/i18n/ja";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports";
import type { DestructionSummary } from "./destruction-summary";

const t = ja.destruction;
const inTokyo = tz("Asia/Tokyo");
const jst = (at: Date | string) => format(new Date(at), "yyyy年M月d日 HH:mm", { in: inTokyo });
const day = (at: Date | string) => format(new Date(at), "yyyy年M月d日", { in: inTokyo });

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10, paddingTop: 48, paddingBottom: 48, paddingHorizontal: 48, color: "#111" },
  footer: { position: "absolute", bottom: 20, left: 48, right: 48, textAlign: "center", fontSize: 8, color: "#444" },
  title: { fontSize: 20, fontWeight: 700, textAlign: "center", marginBottom: 16 },
  line: { marginBottom: 3 },
  section: { marginTop: 12 },
  sectionTitle: { fontSize: 12, fontWeight: 700, marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#bbb" },
  headRow: { flexDirection: "row", backgroundColor: "#e8eef4", borderBottomWidth: 0.75, borderBottomColor: "#555" },
  cell: { paddingVertical: 2, paddingHorizontal: 3 },
  number: { textAlign: "right" },
  bold: { fontWeight: 700 },
  mono: { fontSize: 8.5 },
  signature: { marginTop: 14 },
});

/**
 * 廃棄報告書: the written report the contract asks for once every consultation record is destroyed
 * (仕様書 14(3)). It holds counts, dates and hashes only; the operator signs it and hands it to the city.
 */
export async function renderDestructionReportPdf(summary: DestructionSummary): Promise<Buffer> {
  registerPdfFonts();
  const kinds = Object.entries(summary.destroyed).filter(([, rows]) => rows > 0);
  const total = kinds.reduce((sum, [, rows]) => sum + rows, 0);
  return renderToBuffer(
    <Document title={t.title} language="ja">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{t.title}</Text>
        <Text style={styles.line}>{summary.municipality ? t.addressee(summary.municipality) : t.addresseeBlank}</Text>
        <Text style={styles.line}>{`${t.contract}: ${summary.contract ?? t.blank}`}</Text>
        <Text style={styles.line}>{`${t.operator}: ${summary.operator ?? t.blank}`}</Text>
        <Text style={[styles.line, { marginTop: 8 }]}>{t.intro}</Text>
        <Text style={styles.line}>{`${t.destroyedAt}: ${jst(summary.destroyedAt)}`}</Text>
        <Text style={styles.line}>{`${t.period}: ${summary.period ? `${day(summary.period.first)} 〜 ${day(summary.period.last)}` : t.noConsultations}`}</Text>
        <View style={styles.section}>
          <Text style={styles.sectionTitle}>{t.destroyedTitle}</Text>
          <View style={styles.headRow} fixed>
            <Text style={[styles.cell, styles.bold, { flex: 4 }]}>{t.kind}</Text>
            <Text style={[styles.cell, styles.bold, styles.number, { flex: 1 }]}>{t.rows}</Text>
          </View>
          {kinds.map(([table, rows]) => (
            <View key={table} style={styles.row} wrap={false}>
              <Text style={[styles.cell, { flex: 4 }]}>{t.tables[table] ?? table}</Text>
              <Text style={[styles.cell, styles.number, { flex: 1 }]}>{rows.toLocaleString("ja-JP")}</Text>
            </View>
          ))}
          <View style={styles.row} wrap={false}>
            <Text style={[styles.cell, styles.bold, { flex: 4 }]}>{t.total}</Text>
            <Text style={[styles.cell, styles.bold, styles.number, { flex: 1 }]}>{total.toLocaleString("ja-JP")}</Text>
          </View>
        </View>
        <View style={styles.section} wrap={false}>
          <Text style={styles.sectionTitle}>{t.methodTitle}</Text>
          <Text style={styles.line}>{t.methodDeletion}</Text>
          <Text style={styles.line}>{summary.database === "pglite" ? t.methodFiles : t.methodFilesServer}</Text>
          <Text style={styles.line}>{t.methodKey}</Text>
          <Text style={styles.line}>{t.keyRecord}</Text>
          {summary.database === "postgres" ? <Text style={styles.line}>{t.backupRecord}</Text> : null}
        </View>
        <View style={styles.section} wrap={false}>
          <Text style={styles.sectionTitle}>{t.handoverTitle}</Text>
          <Text style={styles.line}>{t.handoverManifest}:</Text>
          <Text style={[styles.line, styles.mono]}>{summary.handoverManifestSha256 ?? t.noHandover}</Text>
        </View>
        <View style={styles.section} wrap={false}>
          <Text style={styles.sectionTitle}>{t.auditTitle}</Text>
          <Text style={styles.line}>{`${t.auditSeq}: ${summary.auditHead.seq}`}</Text>
          <Text style={styles.line}>{`${t.auditHash}:`}</Text>
          <Text style={[styles.line, styles.mono]}>{summary.auditHead.hash}</Text>
          <Text style={styles.line}>{t.auditNote}</Text>
        </View>
        <View style={styles.section} wrap={false}>
          <Text style={styles.sectionTitle}>{t.verifiedTitle}</Text>
          <Text style={styles.line}>{t.verifiedRows}</Text>
          <Text style={styles.line}>{t.remainingFiles(summary.filesLeft.length)}</Text>
        </View>
        <View style={styles.section} wrap={false}>
          <Text style={styles.sectionTitle}>{t.signaturesTitle}</Text>
          {[t.signatureOperator, t.signatureWitness, t.signatureCity].map((who) => (
            <View key={who} style={styles.signature}>
              <Text style={styles.line}>{who}</Text>
              <Text style={styles.line}>{t.signatureLine}</Text>
            </View>
          ))}
        </View>
        <Text style={styles.footer} render={({ pageNumber, totalPages }) => t.page(pageNumber, totalPages)} fixed />
      </Page>
    </Document>,
  );
}
