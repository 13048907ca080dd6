<?xml version="1.0" encoding="UTF-8"?>
<!--
  Language data: quotation marks, the names LaTeX (polyglossia) and FOP
  (hyphenation) know a language by. The tables are data, written as strings
  (XSLT 1.0 without document() or node-set() has no other way to keep a table
  in a stylesheet): one entry per language, "code=value", separated by spaces.
  Add a language by adding an entry; nothing else changes. A language not in a
  table falls back to its base code ("pt-BR" -> "pt"), then to English.

  The language of an element is its nearest xml:lang (the document's own when
  none is given); the `lang` parameter (header.xsl) sets the document's.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- Languages whose scripts have no italic: the elements that are italic by
       default (foreign, emph, title…) stay upright in them. -->
  <xsl:variable name="upright-langs" select="' zh ja ko '"/>

  <!-- Quotation marks: open|close of the outer quotation, then open|close of
       a quotation inside it. U+202F (narrow no-break space) keeps French and
       Swiss guillemets on the line of the words they enclose. -->
  <xsl:variable name="quote-table"
      select="concat(' en=“|”|‘|’ fr=«&#x202F;|&#x202F;»|“|” de=„|“|‚|‘ de-CH=«|»|‹|› ru=«|»|„|“ uk=«|»|„|“',
                     ' be=«|»|„|“ it=«|»|“|” es=«|»|“|” pt=«|»|“|” ca=«|»|“|” nl=“|”|‘|’ pl=„|”|«|» cs=„|“|‚|‘',
                     ' sk=„|“|‚|‘ sl=„|“|‚|‘ hr=„|”|‚|’ sr=„|”|’|’ bg=„|“|’|’ hu=„|”|»|« ro=„|”|«|» sv=”|”|’|’',
                     ' fi=”|”|’|’ da=»|«|›|‹ nb=«|»|‘|’ nn=«|»|‘|’ no=«|»|‘|’ is=„|“|‚|‘ et=„|“|«|» lt=„|“|‚|‘',
                     ' lv=«|»|„|“ el=«|»|“|” la=“|”|‘|’ tr=“|”|‘|’ he=”|”|’|’ ar=«|»|“|” ja=「|」|『|』',
                     ' zh=“|”|‘|’ zh-TW=「|」|『|』 ko=“|”|‘|’ ')"/>

  <!-- babel's names (LaTeX, \babelprovide[import]): the language of the
       document and of every passage in another language. -->
  <xsl:variable name="babel-table"
      select="concat(' en=english fr=french de=german it=italian es=spanish pt=portuguese ca=catalan nl=dutch',
                     ' pl=polish cs=czech sk=slovak sl=slovenian hr=croatian sr=serbian bg=bulgarian ru=russian',
                     ' uk=ukrainian be=belarusian hu=hungarian ro=romanian sv=swedish fi=finnish da=danish',
                     ' nb=norwegian nn=nynorsk no=norwegian is=icelandic et=estonian lt=lithuanian lv=latvian',
                     ' el=greek la=latin tr=turkish he=hebrew ar=arabic cy=welsh ga=irish eo=esperanto ')"/>

  <!-- Languages whose script the body fonts (Noto Serif, DejaVu) do not set
       well enough for babel to switch to (right-to-left, CJK): their text is
       kept, set with the main language's rules. -->
  <xsl:variable name="babel-skip" select="' he ar ja zh ko '"/>

  <!-- The language code of the context node: its nearest xml:lang, else the
       document's ($doc-lang). -->
  <xsl:template name="lang-of">
    <xsl:variable name="own" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
    <xsl:choose>
      <xsl:when test="normalize-space($own) != ''">
        <xsl:value-of select="normalize-space($own)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$doc-lang"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The entry of $table for $lang ("fr-CA" -> "fr", "zh-TW" itself), else ''. -->
  <xsl:template name="lang-lookup">
    <xsl:param name="table"/>
    <xsl:param name="lang"/>
    <xsl:variable name="full" select="translate(normalize-space($lang), '_', '-')"/>
    <xsl:variable name="base" select="translate(substring-before(concat($full, '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="$full != '' and contains($table, concat(' ', $full, '='))">
        <xsl:value-of select="substring-before(substring-after($table, concat(' ', $full, '=')), ' ')"/>
      </xsl:when>
      <xsl:when test="$base != '' and contains($table, concat(' ', $base, '='))">
        <xsl:value-of select="substring-before(substring-after($table, concat(' ', $base, '=')), ' ')"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Quotation marks for the context node: "open|close|inner-open|inner-close". -->
  <xsl:template name="quote-marks">
    <xsl:variable name="lang">
      <xsl:call-template name="lang-of"/>
    </xsl:variable>
    <xsl:variable name="found">
      <xsl:call-template name="lang-lookup">
        <xsl:with-param name="table" select="$quote-table"/>
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$found != ''">
        <xsl:value-of select="$found"/>
      </xsl:when>
      <xsl:otherwise>“|”|‘|’</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The base language code, lower case: "fr-CA" -> "fr". -->
  <xsl:template name="base-lang">
    <xsl:param name="lang"/>
    <xsl:value-of select="translate(substring-before(concat(translate(normalize-space($lang), '_', '-'), '-'), '-'),
                                    'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
  </xsl:template>

</xsl:stylesheet>
