/**
 * Spreadsheets in and out: CSV through papaparse (a BOM, `;` or tab separators and quoted line
 * breaks as spreadsheet programs write them), XLSX through exceljs (the first worksheet, with
 * its merged cells). `svcbp import` and `svcbp export --format csv|xlsx` use them.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { SheetGrid } from '../render/sheet.js';
import type { SheetCells } from './sheet-import.js';
import { sheetToSvcbp } from './sheet-import.js';
import { UsageError } from './errors.js';
import { writeOutput } from './output.js';

export async function readSheet(path: string): Promise<SheetCells> {
    const format = extname(path).toLowerCase();
    if (format === '.csv' || format === '.tsv' || format === '.txt') {
        const { default: Papa } = await import('papaparse');
        const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
        const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
        return { rows: parsed.data };
    }
    if (format === '.xlsx') {
        const { default: ExcelJS } = await import('exceljs');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path);
        const sheet = workbook.worksheets[0];
        if (!sheet) throw new UsageError(`${path} has no worksheet.`);
        const rows: string[][] = [];
        sheet.eachRow({ includeEmpty: true }, (row, number) => {
            const cells: string[] = [];
            row.eachCell({ includeEmpty: true }, (cell, column) => {
                // A merged cell's other cells repeat its value in exceljs: keep it in the first one only.
                cells[column - 1] = cell.isMerged && cell.master !== cell ? '' : cell.text ?? '';
            });
            rows[number - 1] = cells;
        });
        const merges = (sheet.model.merges ?? []).map(range => {
            const [from, to] = range.split(':').map(cellAddress);
            return { row: from.row, from: from.column, to: to.column };
        }).filter(merge => merge.to > merge.from);
        return { rows: Array.from(rows, row => row ?? []), merges };
    }
    throw new UsageError(`Cannot tell the format of '${path}': import reads .csv (or .tsv) and .xlsx.`);
}

/** `B3` → row 2, column 1 (0-based). */
function cellAddress(address: string): { row: number; column: number } {
    const match = /^([A-Z]+)(\d+)$/.exec(address.replace(/\$/g, ''));
    if (!match) return { row: -1, column: -1 };
    const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(match[2]) - 1, column };
}

export async function writeSheet(grid: SheetGrid, format: 'csv' | 'xlsx', output: string | undefined, title: string): Promise<void> {
    if (format === 'csv') {
        const { default: Papa } = await import('papaparse');
        writeOutput(output, `${Papa.unparse(grid.rows, { newline: '\r\n' })}\r\n`);
        return;
    }
    if (!output) throw new UsageError('An xlsx file is binary: write it to a file with -o out.xlsx.');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(title.slice(0, 31).replace(/[\\/*?:[\]]/g, ' ') || 'Blueprint');
    for (const row of grid.rows) sheet.addRow(row);
    for (const merge of grid.merges) sheet.mergeCells(merge.row + 1, merge.from + 1, merge.row + 1, merge.to + 1);
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn(1).font = { bold: true };
    sheet.eachRow(row => { row.alignment = { wrapText: true, vertical: 'top' }; });
    sheet.columns.forEach(column => { column.width = 28; });
    writeOutput(output, Buffer.from(await workbook.xlsx.writeBuffer()));
}

export interface ImportOptions { output?: string; name?: string }

/** `svcbp import sheet.csv|sheet.xlsx [-o file.svcbp]`: exit 1 when rows could not be placed. */
export async function runImport(paths: string[], options: ImportOptions): Promise<number> {
    if (paths.length !== 1) throw new UsageError('import takes one sheet: svcbp import sheet.csv|sheet.xlsx [-o file.svcbp]');
    const path = resolve(paths[0]);
    if (options.output && resolve(options.output) === path) throw new UsageError('The output would overwrite the sheet; choose another -o.');
    let cells: SheetCells;
    try {
        cells = await readSheet(path);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`Cannot read ${paths[0]}: ${(error as Error).message}`);
    }
    const name = options.name ?? basename(path, extname(path)).replace(/[-_]+/g, ' ');
    const { text, problems } = sheetToSvcbp(cells, name);
    for (const problem of problems) process.stderr.write(`${paths[0]}: ${problem}\n`);
    if (text) writeOutput(options.output, text);
    return problems.length > 0 ? 1 : 0;
}
