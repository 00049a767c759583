/* The parser's ceiling for bench-xml.sh: libxml2's SAX2 parser in pull mode (xmlParseDocument asking a read
 * callback for bytes, served from 256 KiB reads of the file) as BPVKit uses it, with the same options
 * (XML_PARSE_NONET, no entity substitution), doing the least useful work: count TimeInterval elements and sum
 * their Duration in minutes (decimal hours or PTnHnM). Pull mode is libxml2's faster way: the push parser
 * (xmlParseChunk) costs 15 % more instructions on the same file.
 * Build: cc -O2 sax-sum.c $(xml2-config --cflags --libs) -o sax-sum      Run: sax-sum FILE */
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct state {
    long records;
    long minutes;
    int in_duration;
    char text[64];
    int length;
};

static long duration_minutes(const char *s, int n) {
    long hours = 0, minutes = 0, value = 0;
    int i = 0;
    if (n > 0 && s[0] == 'P') {  /* PTnHnM */
        for (i = 1; i < n; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') value = value * 10 + (c - '0');
            else if (c == 'H') { hours = value; value = 0; }
            else if (c == 'M') { minutes = value; value = 0; }
            else value = 0;
        }
        return hours * 60 + minutes;
    }
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) hours = hours * 10 + (s[i] - '0');
    if (i < n && (s[i] == '.' || s[i] == ',')) {  /* two decimals are enough here */
        int tenths = i + 1 < n ? s[i + 1] - '0' : 0, hundredths = i + 2 < n ? s[i + 2] - '0' : 0;
        minutes = ((tenths * 10 + hundredths) * 60 + 50) / 100;
    }
    return hours * 60 + minutes;
}

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                          int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                          const xmlChar **attributes) {
    struct state *st = ctx;
    (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces; (void)nb_attributes; (void)nb_defaulted;
    (void)attributes;
    if (strcmp((const char *)localname, "Duration") == 0) { st->in_duration = 1; st->length = 0; }
}

static void end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    struct state *st = ctx;
    (void)prefix; (void)uri;
    if (st->in_duration) {
        st->minutes += duration_minutes(st->text, st->length);
        st->in_duration = 0;
    } else if (strcmp((const char *)localname, "TimeInterval") == 0) {
        st->records++;
    }
}

static void characters(void *ctx, const xmlChar *ch, int len) {
    struct state *st = ctx;
    if (!st->in_duration) return;
    if (st->length + len > (int)sizeof st->text) len = (int)sizeof st->text - st->length;
    memcpy(st->text + st->length, ch, (size_t)len);
    st->length += len;
}

/* libxml2's read callback: copies from a 256 KiB buffer, refilled from the file. */
struct input { int fd; char buffer[256 << 10]; size_t length, used; };

static int read_input(void *ctx, char *out, int len) {
    struct input *in = ctx;
    if (in->used == in->length) {
        ssize_t n = read(in->fd, in->buffer, sizeof in->buffer);
        if (n < 0) return -1;
        in->length = (size_t)n;
        in->used = 0;
        if (n == 0) return 0;
    }
    size_t n = in->length - in->used < (size_t)len ? in->length - in->used : (size_t)len;
    memcpy(out, in->buffer + in->used, n);
    in->used += n;
    return (int)n;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: sax-sum FILE\n"); return 2; }
    static struct input in;
    in.fd = open(argv[1], O_RDONLY);
    if (in.fd < 0) { perror(argv[1]); return 2; }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start_element;
    sax.endElementNs = end_element;
    sax.characters = characters;
    struct state st = {0};
    xmlParserCtxtPtr ctxt = xmlCreateIOParserCtxt(&sax, &st, read_input, NULL, &in, XML_CHAR_ENCODING_NONE);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    int rc = xmlParseDocument(ctxt);
    int wellformed = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    close(in.fd);
    printf("%ld records, %ld minutes%s\n", st.records, st.minutes, wellformed && rc == 0 ? "" : " (not well-formed)");
    return wellformed && rc == 0 ? 0 : 1;
}
