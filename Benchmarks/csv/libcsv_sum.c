/*
 * libcsv_sum: the parser's ceiling for the CSV import benchmark.
 *
 *   cc -O2 -o libcsv_sum Benchmarks/csv/libcsv_sum.c -lcsv
 *   ./libcsv_sum FILE.csv        ->  rows=1000000 pauze_sum=27673815
 *
 * Reads FILE in 1 MiB chunks with fread, parses it with libcsv (CSV_STRICT, delimiter ';', quote '"') and sums
 * column 8 (Pauze, 1-based) as an integer. No decoding, no validation beyond libcsv's own, nothing stored:
 * whatever BPVKit does on top of libcsv (Windows-1252 decoding, header matching, field mapping, dates, minutes)
 * is measured against this.
 * The header row is skipped; "rows" counts the data rows. Exit status 1 on a parse error (with its byte offset).
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (1u << 20)
#define PAUZE_COLUMN 8 /* 1-based */

struct state {
    size_t column;      /* 1-based column of the next field in the current row */
    unsigned long long rows; /* rows seen, header included */
    long long pauze_sum;
    unsigned long long bad_numbers;
};

static void on_field(void *field, size_t len, void *data) {
    struct state *st = data;
    if (st->column == PAUZE_COLUMN && st->rows > 0) {
        const unsigned char *s = field;
        long long v = 0;
        size_t i = 0;
        if (len == 0) st->bad_numbers++;
        for (; i < len; i++) {
            unsigned d = (unsigned)s[i] - '0';
            if (d > 9) { st->bad_numbers++; break; }
            v = v * 10 + d;
        }
        st->pauze_sum += v;
    }
    st->column++;
}

static void on_row(int terminator, void *data) {
    (void)terminator;
    struct state *st = data;
    st->rows++;
    st->column = 1;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.csv\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
        return 2;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fprintf(stderr, "csv_init failed\n");
        return 2;
    }
    csv_set_delim(&p, ';');
    csv_set_quote(&p, '"');

    char *buf = malloc(CHUNK);
    if (!buf) { fprintf(stderr, "out of memory\n"); return 2; }
    struct state st = { .column = 1, .rows = 0, .pauze_sum = 0, .bad_numbers = 0 };
    unsigned long long offset = 0;
    size_t n;
    while ((n = fread(buf, 1, CHUNK, f)) > 0) {
        size_t used = csv_parse(&p, buf, n, on_field, on_row, &st);
        if (used != n) {
            fprintf(stderr, "%s: parse error near byte %llu (row %llu): %s\n", argv[1], offset + used,
                    st.rows + 1, csv_strerror(csv_error(&p)));
            return 1;
        }
        offset += n;
    }
    if (ferror(f)) {
        fprintf(stderr, "%s: read error: %s\n", argv[1], strerror(errno));
        return 2;
    }
    if (csv_fini(&p, on_field, on_row, &st) != 0) {
        fprintf(stderr, "%s: parse error at end of file: %s\n", argv[1], csv_strerror(csv_error(&p)));
        return 1;
    }
    csv_free(&p);
    free(buf);
    fclose(f);

    unsigned long long data_rows = st.rows > 0 ? st.rows - 1 : 0;
    printf("rows=%llu pauze_sum=%lld\n", data_rows, st.pauze_sum);
    if (st.bad_numbers) fprintf(stderr, "warning: %llu Pauze values were not whole numbers\n", st.bad_numbers);
    return 0;
}
