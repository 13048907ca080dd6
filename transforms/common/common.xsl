<?xml version="1.0" encoding="UTF-8"?>
<!--
  The shared part of every output format (html, fo, latex, text): one
  traversal of the TEI with all the editorial decisions, over writer
  primitives that each format supplies.

    traversal.xsl  what each TEI element is: section, paragraph, quotation,
                   list, note, name, date…; calls the writer primitives
    policy.xsl     which words are the reading text (edition=reading or
                   diplomatic): choice, del/add, the apparatus
    structure.xsl  blocks and lines, headings, ids, footnote numbering, list
                   kinds and labels, table widths, word-level TEI
    rendition.xsl  @rend, @rendition, @style -> a small vocabulary of tokens
    languages.xsl  quotation marks and language names by language
    names.xsl      names as readers write them, the index of names
    dates.xsl      dates in words, in both calendars
    header.xsl     the teiHeader's facts (title, author, date, licence…)
    egxml.xsl      TEI examples as XML source; math.xsl MathML as text
    warnings.xsl   what a conversion could not show
    fonts.xsl      the font families of the printed formats and their fallbacks
    strings.xsl    string helpers (escaping for TeX, wrapping)
    writer.xsl     the primitives, with the defaults a new writer starts from

  Each format's stylesheet imports this file, so its own templates (the
  primitives and its page) win over these, and its xsl:param declarations
  override the defaults declared here.

  XSLT 1.0 only (lxml/libxslt, xsltproc and Saxon all run it); no extension
  functions, no document(), no external entities.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:m="http://www.w3.org/1998/Math/MathML"
    exclude-result-prefixes="tei m">

  <xsl:include href="strings.xsl"/>
  <xsl:include href="languages.xsl"/>
  <xsl:include href="rendition.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="structure.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="policy.xsl"/>
  <xsl:include href="traversal.xsl"/>
  <xsl:include href="egxml.xsl"/>
  <xsl:include href="math.xsl"/>
  <xsl:include href="warnings.xsl"/>
  <xsl:include href="fonts.xsl"/>
  <xsl:include href="writer.xsl"/>

  <!-- The TEI <text> elements to render (a teiCorpus has one per TEI). -->
  <xsl:variable name="texts" select="/tei:TEI/tei:text | /tei:teiCorpus/tei:TEI/tei:text | /tei:teiCorpus/tei:teiCorpus/tei:TEI/tei:text"/>

  <!-- The elements the page lists (notes, apparatus entries, headed
       divisions, names without a register entry, images, formulas), found
       once. Name tests, not a predicate: libxslt evaluates a predicate such as
       *[self::tei:note or self::tei:app] on every element of a novel at about
       the cost of converting a paragraph, while a name test is a loop in C. -->
  <xsl:variable name="special"
      select="$texts//tei:note | $texts//tei:app | $texts//tei:head | $texts//tei:persName | $texts//tei:placeName
              | $texts//tei:orgName | $texts//tei:graphic | $texts//tei:media | $texts//tei:binaryObject
              | $texts//m:math | $texts//tei:listWit | $texts//tei:s"/>

  <!-- Is the text word-level TEI (ELTeC level 2: sentences of w and pc)? -->
  <xsl:variable name="has-words" select="boolean($special[self::tei:s])"/>

</xsl:stylesheet>
