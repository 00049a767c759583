#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, and encoding.h then includes the system's <unicode/ucnv.h>, whose UErrorCode
 * clashes with the ICU that Foundation bundles (_FoundationICU) in any Swift module importing both. BPVKit never
 * touches ICU converters nor xmlCharEncodingHandler's fields (only pointers to it), so hide ICU from the headers. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
