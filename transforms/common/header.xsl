<?xml version="1.0" encoding="UTF-8"?>
<!--
  The facts of the teiHeader that every output shows: title, author, date,
  source, publisher, licence, checksum, language. Collected here once so that
  the HTML panel, the PDF title block and the LaTeX title agree.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- The language of the output (html lang, xml:lang, PDF language); empty:
       the document's own xml:lang. -->
  <xsl:param name="lang" select="''"/>
  <!-- Show the header's facts (1) or not (0). -->
  <xsl:param name="header" select="'1'"/>

  <xsl:variable name="tei-header" select="(/tei:TEI/tei:teiHeader | /tei:teiCorpus/tei:teiHeader)[1]"/>
  <xsl:variable name="file-desc" select="$tei-header/tei:fileDesc"/>
  <xsl:variable name="title-stmt" select="$file-desc/tei:titleStmt"/>

  <xsl:variable name="doc-title">
    <xsl:for-each select="$tei-header">
      <xsl:call-template name="header-title"/>
    </xsl:for-each>
    <xsl:if test="not($tei-header)">Untitled document</xsl:if>
  </xsl:variable>

  <!-- The title of a document (context: its teiHeader): the main title of
       titleStmt (without its notes), else its first, else the title page's. -->
  <xsl:template name="header-title">
    <xsl:variable name="titles" select="tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:variable name="main" select="($titles[@type = 'main'] | $titles[not(@type)])[1]"/>
    <xsl:variable name="main-text">
      <xsl:apply-templates select="$main" mode="plain"/>
    </xsl:variable>
    <xsl:variable name="first-text">
      <xsl:apply-templates select="$titles[1]" mode="plain"/>
    </xsl:variable>
    <xsl:variable name="front-text">
      <xsl:apply-templates select="(../tei:text/tei:front//tei:docTitle)[1]" mode="plain"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($main-text) != ''">
        <xsl:value-of select="normalize-space($main-text)"/>
      </xsl:when>
      <xsl:when test="normalize-space($first-text) != ''">
        <xsl:value-of select="normalize-space($first-text)"/>
      </xsl:when>
      <xsl:when test="normalize-space($front-text) != ''">
        <xsl:value-of select="normalize-space($front-text)"/>
      </xsl:when>
      <xsl:otherwise>Untitled document</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The title of one document of a corpus (context: its TEI element). -->
  <xsl:template name="document-title">
    <xsl:for-each select="tei:teiHeader[1]">
      <xsl:call-template name="header-title"/>
    </xsl:for-each>
    <xsl:if test="not(tei:teiHeader)">
      <xsl:value-of select="concat('Document ', count(preceding-sibling::tei:TEI) + 1)"/>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="doc-subtitle-text">
    <xsl:apply-templates select="$title-stmt/tei:title[@type = 'sub' or @type = 'subtitle'][1]" mode="plain"/>
  </xsl:variable>
  <xsl:variable name="doc-subtitle" select="normalize-space($doc-subtitle-text)"/>

  <!-- Authors joined with commas and "and", each as a reader writes a name
       (names.xsl: name-label), never with its identifiers. -->
  <xsl:variable name="doc-author">
    <xsl:for-each select="$title-stmt/tei:author[normalize-space()]">
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="position() = last()"> and </xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:call-template name="name-label"/>
    </xsl:for-each>
  </xsl:variable>

  <!-- Is the document a corpus (several TEI documents in one file)? -->
  <xsl:variable name="is-corpus" select="boolean(/tei:teiCorpus)"/>

  <xsl:variable name="doc-lang">
    <xsl:choose>
      <xsl:when test="normalize-space($lang) != ''">
        <xsl:value-of select="normalize-space($lang)"/>
      </xsl:when>
      <xsl:when test="/*/@xml:lang">
        <xsl:value-of select="/*/@xml:lang"/>
      </xsl:when>
      <xsl:when test="/*/tei:text/@xml:lang">
        <xsl:value-of select="/*/tei:text/@xml:lang"/>
      </xsl:when>
      <xsl:when test="normalize-space($tei-header/tei:profileDesc/tei:langUsage/tei:language[1]/@ident) != ''">
        <xsl:value-of select="normalize-space($tei-header/tei:profileDesc/tei:langUsage/tei:language[1]/@ident)"/>
      </xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="running-title">
    <xsl:call-template name="shorten">
      <xsl:with-param name="text" select="$doc-title"/>
      <xsl:with-param name="max" select="70"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- The date of the document: when it was written (creation), else the first
       edition, else the date on its title page. -->
  <xsl:variable name="creation-date" select="($tei-header/tei:profileDesc/tei:creation//tei:date)[1]"/>
  <xsl:variable name="first-edition-date" select="($file-desc/tei:sourceDesc//tei:bibl[@type = 'firstEdition']/tei:date)[1]"/>
  <xsl:variable name="title-page-date" select="(/*/tei:text/tei:front//tei:docDate)[1]"/>
  <xsl:variable name="doc-date"
      select="$creation-date | $first-edition-date[not($creation-date)]
              | $title-page-date[not($creation-date or $first-edition-date)]"/>

  <xsl:variable name="doc-checksum" select="normalize-space($file-desc/tei:publicationStmt/tei:idno[@type = 'sha256'][1])"/>
  <xsl:variable name="doc-licence" select="($file-desc/tei:publicationStmt/tei:availability/tei:licence)[1]"/>
  <xsl:variable name="doc-availability" select="($file-desc/tei:publicationStmt/tei:availability)[1]"/>
  <xsl:variable name="doc-publishers"
      select="$file-desc/tei:publicationStmt/tei:publisher | $file-desc/tei:publicationStmt/tei:distributor
              | $file-desc/tei:publicationStmt/tei:authority"/>
  <xsl:variable name="doc-sources"
      select="$file-desc/tei:sourceDesc/tei:bibl | $file-desc/tei:sourceDesc/tei:biblStruct
              | $file-desc/tei:sourceDesc/tei:biblFull | $file-desc/tei:sourceDesc/tei:p
              | $file-desc/tei:sourceDesc/tei:msDesc | $file-desc/tei:sourceDesc/tei:listBibl/tei:bibl"/>
  <xsl:variable name="doc-languages" select="$tei-header/tei:profileDesc/tei:langUsage/tei:language"/>
  <xsl:variable name="doc-application" select="($tei-header/tei:encodingDesc/tei:appInfo/tei:application)[1]"/>
  <xsl:variable name="doc-changes" select="$tei-header/tei:revisionDesc//tei:change"/>
  <xsl:variable name="doc-editorial" select="$tei-header/tei:encodingDesc/tei:editorialDecl"/>

  <!-- The licence in words: its text, else its URL, else the availability. -->
  <xsl:variable name="licence-text">
    <xsl:choose>
      <xsl:when test="normalize-space($doc-licence) != ''">
        <xsl:value-of select="normalize-space($doc-licence)"/>
      </xsl:when>
      <xsl:when test="$doc-licence/@target">
        <xsl:value-of select="normalize-space($doc-licence/@target)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space($doc-availability)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The date of the document in words, in both calendars when it has two. -->
  <xsl:variable name="doc-date-words">
    <xsl:for-each select="$doc-date">
      <xsl:variable name="inner" select="(descendant-or-self::tei:date[@when or @when-custom or @from or @to or @notBefore or @notAfter])[1]"/>
      <xsl:variable name="described">
        <xsl:for-each select="$inner">
          <xsl:call-template name="date-description"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="normalize-space($described) != ''">
          <xsl:value-of select="normalize-space($described)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:variable>

  <!-- The encoding run in words: "tei 0.1.0; last change 2026-01-01". -->
  <xsl:variable name="encoding-words">
    <xsl:if test="$doc-application">
      <xsl:value-of select="normalize-space(($doc-application/tei:label | $doc-application/@ident)[1])"/>
      <xsl:if test="$doc-application/@version">
        <xsl:value-of select="concat(' ', $doc-application/@version)"/>
      </xsl:if>
    </xsl:if>
    <xsl:if test="$doc-changes[@when]">
      <xsl:if test="$doc-application">
        <xsl:text>; </xsl:text>
      </xsl:if>
      <xsl:text>last revised </xsl:text>
      <xsl:for-each select="$doc-changes[@when]">
        <xsl:sort select="@when" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="@when"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>

  <!-- Header facts (sourceDesc, publisher, editorial notes) as a line of text:
       an element-only bibliographic record is joined with commas. Formats
       override the leaves (title, ref, note, text). -->
  <xsl:template match="*" mode="meta">
    <xsl:variable name="parts" select="*[normalize-space() or @target]"/>
    <xsl:choose>
      <xsl:when test="text()[normalize-space()] or count($parts) &lt; 2">
        <xsl:apply-templates mode="meta"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- Element-only bibliographic record: join its parts with commas. -->
        <xsl:for-each select="$parts">
          <xsl:if test="position() &gt; 1">
            <xsl:text>, </xsl:text>
          </xsl:if>
          <xsl:apply-templates select="." mode="meta"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="meta">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="tei:date[@type = 'access']" mode="meta">
    <xsl:text>accessed </xsl:text>
    <xsl:apply-templates mode="meta"/>
  </xsl:template>

  <xsl:template match="tei:biblScope[@unit = 'volume' or @unit = 'vol']" mode="meta">
    <xsl:if test="not(starts-with(normalize-space(.), 'vol'))">vol. </xsl:if>
    <xsl:apply-templates mode="meta"/>
  </xsl:template>

  <xsl:template match="tei:biblScope[@unit = 'part']" mode="meta">
    <xsl:if test="not(starts-with(normalize-space(.), 'part'))">part </xsl:if>
    <xsl:apply-templates mode="meta"/>
  </xsl:template>

  <xsl:template match="tei:biblScope[@unit = 'page' or @unit = 'pp']" mode="meta">
    <xsl:if test="not(starts-with(normalize-space(.), 'p'))">p. </xsl:if>
    <xsl:apply-templates mode="meta"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="meta">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:note" mode="meta">
    <xsl:text>(</xsl:text>
    <xsl:apply-templates mode="meta"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

</xsl:stylesheet>
