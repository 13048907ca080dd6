<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates of every output format (html, fo, latex, text): each
  format's stylesheet imports this file, so its own templates win over these
  and its own xsl:param declarations override the defaults declared here.

  XSLT 1.0 only (lxml/libxslt, xsltproc and Saxon all run it); no extension
  functions, no document(), no external entities.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:include href="strings.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="structure.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="header.xsl"/>

  <!-- The TEI <text> elements to render (a teiCorpus has one per TEI). -->
  <xsl:variable name="texts" select="/tei:TEI/tei:text | /tei:teiCorpus/tei:TEI/tei:text | /tei:teiCorpus/tei:teiCorpus/tei:TEI/tei:text"/>

</xsl:stylesheet>
