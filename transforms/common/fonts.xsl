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

  <!-- A comma-separated family list without repeats, each name once in its
       first place ("Noto Sans, DejaVu Sans, DejaVu Serif, …"). -->
  <xsl:template name="family-list">
    <xsl:param name="list"/>
    <xsl:param name="done" select="', '"/>
    <xsl:variable name="head" select="normalize-space(substring-before(concat($list, ','), ','))"/>
    <xsl:variable name="rest" select="substring-after($list, ',')"/>
    <xsl:variable name="new" select="$head != '' and not(contains($done, concat(', ', $head, ', ')))"/>
    <xsl:if test="$new">
      <xsl:if test="$done != ', '">, </xsl:if>
      <xsl:value-of select="$head"/>
    </xsl:if>
    <xsl:if test="normalize-space($rest) != ''">
      <xsl:call-template name="family-list">
        <xsl:with-param name="list" select="$rest"/>
        <xsl:with-param name="done" select="concat($done, substring(concat($head, ', '), 1, (string-length($head) + 2) * number($new)))"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
