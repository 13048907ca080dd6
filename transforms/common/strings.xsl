<?xml version="1.0" encoding="UTF-8"?>
<!--
  String helpers shared by every output format: whitespace, replacing,
  escaping for TeX, and break opportunities in long unbroken strings.

  Why these are written the way they are: XSLT 1.0 has no regular expressions
  and a processor has a recursion limit (libxslt: 3000 frames), so every
  recursive helper first checks cheaply whether there is anything to do
  (translate/contains), and long strings are split in halves so that the depth
  grows with the logarithm of the length, not with the length.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- The ten characters that are special to LaTeX. -->
  <xsl:variable name="tex-specials">\{}$&amp;#^_~%</xsl:variable>
  <xsl:variable name="tex-marks">\\\\\\\\\\</xsl:variable>
  <xsl:variable name="whitespace" select="'&#9;&#10;&#13; '"/>

  <!-- A text node with its runs of white space collapsed to one space, keeping
       a space at either end when there was white space there (normalize-space
       would join the words of neighbouring nodes). -->
  <xsl:template name="collapse-space">
    <xsl:param name="text" select="."/>
    <xsl:variable name="normal" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="$normal = ''">
        <xsl:if test="$text != ''">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="contains($whitespace, substring($text, 1, 1))">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:value-of select="$normal"/>
        <xsl:if test="contains($whitespace, substring($text, string-length($text), 1))">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every occurrence of $from in $text replaced by $to. -->
  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from != '' and contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $text with a zero-width space after every $after character (a slash, a
       full stop): lets a renderer break a URL or a checksum across lines
       without changing what a reader copies. -->
  <xsl:template name="break-after">
    <xsl:param name="text"/>
    <xsl:param name="after" select="'/'"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="from" select="$after"/>
      <xsl:with-param name="to" select="concat($after, '&#8203;')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- $text cut into groups of $size characters separated by $separator. -->
  <xsl:template name="chunk">
    <xsl:param name="text"/>
    <xsl:param name="size" select="16"/>
    <xsl:param name="separator"/>
    <xsl:choose>
      <xsl:when test="string-length($text) &gt; $size">
        <xsl:value-of select="substring($text, 1, $size)"/>
        <xsl:value-of select="$separator"/>
        <xsl:call-template name="chunk">
          <xsl:with-param name="text" select="substring($text, $size + 1)"/>
          <xsl:with-param name="size" select="$size"/>
          <xsl:with-param name="separator" select="$separator"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A title shortened to at most $max characters at a word boundary, with an
       ellipsis: running heads must fit on one line. -->
  <xsl:template name="shorten">
    <xsl:param name="text"/>
    <xsl:param name="max" select="60"/>
    <xsl:choose>
      <xsl:when test="string-length($text) &lt;= $max">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cut">
          <xsl:call-template name="before-last-space">
            <xsl:with-param name="text" select="substring($text, 1, $max)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="string-length($cut) &gt; $max div 2">
            <xsl:value-of select="$cut"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="substring($text, 1, $max - 1)"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>…</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The part of $text before its last space (all of it when it has none). -->
  <xsl:template name="before-last-space">
    <xsl:param name="text"/>
    <xsl:if test="contains($text, ' ')">
      <xsl:value-of select="substring-before($text, ' ')"/>
      <xsl:if test="contains(substring-after($text, ' '), ' ')">
        <xsl:text> </xsl:text>
        <xsl:call-template name="before-last-space">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The first of the white-space separated tokens of a pointer attribute. -->
  <xsl:template name="first-token">
    <xsl:param name="text"/>
    <xsl:value-of select="substring-before(concat(normalize-space($text), ' '), ' ')"/>
  </xsl:template>

  <!-- $text escaped for LaTeX: each of \ { } $ & # ^ _ ~ % becomes a command or
       an escaped character, everything else (Unicode included) stays. -->
  <xsl:template name="escape-tex">
    <xsl:param name="text"/>
    <xsl:variable name="marked" select="translate($text, $tex-specials, $tex-marks)"/>
    <xsl:choose>
      <xsl:when test="not(contains($marked, '\'))">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:when test="string-length($text) &gt; 400">
        <!-- Halve long strings: recursion depth stays small whatever the text. -->
        <xsl:variable name="half" select="floor(string-length($text) div 2)"/>
        <xsl:call-template name="escape-tex">
          <xsl:with-param name="text" select="substring($text, 1, $half)"/>
        </xsl:call-template>
        <xsl:call-template name="escape-tex">
          <xsl:with-param name="text" select="substring($text, $half + 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="before" select="substring-before($marked, '\')"/>
        <xsl:variable name="at" select="string-length($before) + 1"/>
        <xsl:value-of select="substring($text, 1, $at - 1)"/>
        <xsl:call-template name="tex-char">
          <xsl:with-param name="char" select="substring($text, $at, 1)"/>
        </xsl:call-template>
        <xsl:call-template name="escape-tex">
          <xsl:with-param name="text" select="substring($text, $at + 1)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tex-char">
    <xsl:param name="char"/>
    <xsl:choose>
      <xsl:when test="$char = '\'">\textbackslash{}</xsl:when>
      <xsl:when test="$char = '^'">\textasciicircum{}</xsl:when>
      <xsl:when test="$char = '~'">\textasciitilde{}</xsl:when>
      <xsl:otherwise>
        <xsl:text>\</xsl:text>
        <xsl:value-of select="$char"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
