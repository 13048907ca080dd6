<?xml version="1.0" encoding="UTF-8"?>
<!--
  Fonts for the formats that embed them (XSL-FO for FOP, LaTeX for lualatex):
  the body, heading and code families, and the families a character falls
  back to when the body font lacks it. tei convert checks the characters of
  a document against the same list (fc-list) and reports, in one warning
  line, those no font covers. Debian packages: fonts-noto-core (Noto Serif,
  Noto Sans, Noto Sans Symbols), fonts-dejavu-core, and for Chinese, Japanese
  and Korean fonts-droid-fallback (a TrueType font FOP finds by itself;
  fonts-noto-cjk's collections it does not).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Body text. -->
  <xsl:param name="font" select="'Noto Serif'"/>
  <!-- Headings, running head, facts, index. -->
  <xsl:param name="sans-font" select="'Noto Sans'"/>
  <!-- Code (TEI examples) and the checksum. -->
  <xsl:param name="mono-font" select="'DejaVu Sans Mono'"/>
  <!-- Families tried, in order, for a character the body font lacks
       (comma-separated; a family the system does not have is skipped). -->
  <xsl:param name="fallback-fonts"
      select="'DejaVu Serif, DejaVu Sans, Noto Sans Symbols, Noto Sans Symbols 2, Droid Sans Fallback'"/>

</xsl:stylesheet>
