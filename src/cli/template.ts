/** `goaltable template`: writes a new budget year's blank (or prefilled) table. */
import type { Message } from "../core/finding";
import type { GoalTable, TableKind } from "../core/model";
import { readSheet } from "../core/reader";
import { planNewYear } from "../core/template";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/read";
import { FileExistsError, writeTemplateFile } from "../xlsx/template";
import type { TemplateCommand } from "./args";
import { errCode } from "./files";
import { describe, KIND_WORDS, type Io } from "./output";

/** The first goal table of a workbook file, of `kind` when given; or why there is none. Never throws. */
async function firstTable(file: string, kind: TableKind | undefined): Promise<GoalTable | { error: Message }> {
  let workbook;
  try {
    workbook = await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { error: e.text };
    return {
      error: {
        zh: `读取文件时出现意外错误：${describe(e)}`,
        en: `Unexpected error while reading the file: ${describe(e)}`,
      },
    };
  }
  for (const sheet of workbook.sheets) {
    for (const table of readSheet(sheet).tables) if (!kind || table.kind === kind) return table;
  }
  const what = kind ? KIND_WORDS[kind] : { zh: "绩效目标表", en: "goal table" };
  return { error: { zh: `文件中没有找到${what.zh}。`, en: `No ${what.en} was found in this file.` } };
}

export async function runTemplate(cmd: TemplateCommand, io: Io): Promise<number> {
  const lang = cmd.lang;
  const fail = (m: Message) => {
    io.stderr.write(`goaltable: ${m[lang]}\n`);
    return 2;
  };
  let prefill: GoalTable | undefined;
  if (cmd.from) {
    const found = await firstTable(cmd.from, cmd.kind);
    if ("error" in found) return fail({ zh: `${cmd.from}：${found.error.zh}`, en: `${cmd.from}: ${found.error.en}` });
    prefill = found;
  }
  const { template, kind, year } = planNewYear(cmd, prefill, (io.now ?? (() => new Date()))());
  try {
    await writeTemplateFile(template, cmd.output, { overwrite: cmd.force });
  } catch (e) {
    if (e instanceof FileExistsError) {
      return fail({
        zh: `${cmd.output} 已存在，未覆盖；如要替换它，请加 --force。`,
        en: `${cmd.output} already exists and was not replaced; add --force to replace it.`,
      });
    }
    return fail({
      zh: `无法写入 ${cmd.output}（${errCode(e)}）：${describe(e)}`,
      en: `could not write ${cmd.output} (${errCode(e)}): ${describe(e)}`,
    });
  }
  const kindWords = KIND_WORDS[kind][lang];
  const source = prefill
    ? lang === "zh"
      ? `，以“${prefill.sheet}”（${prefill.year?.value ?? "年度未知"}）为底稿${cmd.keepValues ? "，保留指标值" : ""}`
      : `, prefilled from '${prefill.sheet}' (${prefill.year?.value ?? "year unknown"})${cmd.keepValues ? " with its indicator values" : ""}`
    : "";
  io.stdout.write(
    lang === "zh"
      ? `已生成 ${year} 年${kindWords}：${cmd.output}（工作表“${template.name}”${source}）。\n`
      : `Wrote the ${year} ${kindWords}: ${cmd.output} (sheet '${template.name}'${source}).\n`
  );
  return 0;
}
