<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 -> XSL-FO 1.1 for Apache FOP (PDF).

  A4 (or US letter) pages with a running head (the title) and page numbers,
  the header's facts on the first page, real footnotes (fo:footnote), the
  index of names with authority links and pages, PDF bookmarks for headed
  divisions, and fonts that have the glyphs of the texts (Latin with accents,
  Cyrillic, typographic dashes and quotes): Noto Serif / Noto Sans, with
  DejaVu as the fall-back. Render with the configuration next to this file,
  which lets FOP find the system's fonts:

      fop -c transforms/fo/fop.xconf -fo doc.fo -pdf doc.pdf

  Written for what FOP 2.x implements: no index-key (FOP lacks XSL 1.1
  indexes, so the index gives the page of the first mention and the number
  of mentions), no footnotes inside footnotes (a nested note is printed in
  parentheses instead).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:x="adobe:ns:meta/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="tei x rdf dc">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Font families (FOP picks the first it has; the rest are fall-backs). -->
  <xsl:param name="font" select="'Noto Serif'"/>
  <xsl:param name="sans-font" select="'Noto Sans'"/>
  <xsl:param name="mono-font" select="'DejaVu Sans Mono'"/>
  <!-- Body text size. -->
  <xsl:param name="font-size" select="'10.5pt'"/>
  <!-- Paper: a4 or letter. -->
  <xsl:param name="paper" select="'a4'"/>

  <xsl:variable name="serif" select="concat($font, ', DejaVu Serif, serif')"/>
  <xsl:variable name="sans" select="concat($sans-font, ', DejaVu Sans, sans-serif')"/>
  <xsl:variable name="mono" select="concat($mono-font, ', DejaVu Sans Mono, monospace')"/>
  <xsl:variable name="muted" select="'#555555'"/>
  <xsl:variable name="link" select="'#1b4f8f'"/>
  <xsl:variable name="rule" select="'#b8b2a4'"/>

  <!-- ================================================================== -->
  <!-- Document, pages, running heads                                      -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <fo:root font-family="{$serif}" font-size="{$font-size}" line-height="1.45" xml:lang="{$doc-lang}"
             hyphenate="false" line-height-shift-adjustment="disregard-shifts">
      <fo:layout-master-set>
        <xsl:call-template name="page-master">
          <xsl:with-param name="name" select="'first'"/>
        </xsl:call-template>
        <xsl:call-template name="page-master">
          <xsl:with-param name="name" select="'rest'"/>
        </xsl:call-template>
        <fo:page-sequence-master master-name="document">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference page-position="first" master-reference="first"/>
            <fo:conditional-page-master-reference page-position="rest" master-reference="rest"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </fo:layout-master-set>
      <fo:declarations>
        <x:xmpmeta>
          <rdf:RDF>
            <rdf:Description rdf:about="">
              <dc:title>
                <xsl:value-of select="$doc-title"/>
              </dc:title>
              <xsl:if test="$doc-author != ''">
                <dc:creator>
                  <xsl:value-of select="$doc-author"/>
                </dc:creator>
              </xsl:if>
              <dc:language>
                <xsl:value-of select="$doc-lang"/>
              </dc:language>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <xsl:if test="$headed-divisions or $has-index">
        <fo:bookmark-tree>
          <xsl:for-each select="$headed-divisions[not(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2
                                or self::tei:div3 or self::tei:div4 or self::tei:div5 or self::tei:div6
                                or self::tei:div7][tei:head])]">
            <xsl:call-template name="bookmark"/>
          </xsl:for-each>
          <xsl:if test="$has-index">
            <fo:bookmark internal-destination="index-of-names">
              <fo:bookmark-title>Index of names</fo:bookmark-title>
            </fo:bookmark>
          </xsl:if>
        </fo:bookmark-tree>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
      <fo:page-sequence master-reference="document" initial-page-number="1">
        <fo:static-content flow-name="head-rest">
          <fo:block font-family="{$sans}" font-size="8pt" color="{$muted}" text-align-last="justify"
                    border-bottom="0.4pt solid {$rule}" padding-bottom="2pt">
            <xsl:value-of select="$running-title"/>
            <fo:leader leader-pattern="space"/>
            <xsl:call-template name="shorten">
              <xsl:with-param name="text" select="$doc-author"/>
              <xsl:with-param name="max" select="40"/>
            </xsl:call-template>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="foot">
          <fo:block font-family="{$sans}" font-size="8.5pt" color="{$muted}" text-align="center">
            <fo:page-number/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-footnote-separator">
          <fo:block space-before="6pt" space-after="3pt">
            <fo:leader leader-pattern="rule" leader-length="35mm" rule-thickness="0.4pt" color="{$rule}"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="title-block"/>
          <xsl:choose>
            <xsl:when test="$texts">
              <xsl:apply-templates select="$texts" mode="block"/>
            </xsl:when>
            <xsl:otherwise>
              <fo:block>
                <xsl:apply-templates select="/*" mode="block"/>
              </fo:block>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$has-index">
            <xsl:call-template name="index-of-names"/>
          </xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template name="page-master">
    <xsl:param name="name"/>
    <fo:simple-page-master master-name="{$name}" margin-top="14mm" margin-bottom="12mm"
                           margin-left="25mm" margin-right="25mm">
      <xsl:choose>
        <xsl:when test="$paper = 'letter'">
          <xsl:attribute name="page-width">8.5in</xsl:attribute>
          <xsl:attribute name="page-height">11in</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="page-width">210mm</xsl:attribute>
          <xsl:attribute name="page-height">297mm</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <fo:region-body margin-top="14mm" margin-bottom="14mm"/>
      <fo:region-before region-name="head-{$name}" extent="10mm"/>
      <fo:region-after region-name="foot" extent="8mm"/>
    </fo:simple-page-master>
  </xsl:template>

  <xsl:template name="bookmark">
    <xsl:variable name="id">
      <xsl:call-template name="section-id"/>
    </xsl:variable>
    <fo:bookmark internal-destination="{$id}">
      <fo:bookmark-title>
        <xsl:variable name="title">
          <xsl:apply-templates select="tei:head[1]" mode="plain"/>
        </xsl:variable>
        <xsl:value-of select="normalize-space($title)"/>
      </fo:bookmark-title>
      <xsl:for-each select="*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
                            or self::tei:div5 or self::tei:div6 or self::tei:div7][tei:head]">
        <xsl:call-template name="bookmark"/>
      </xsl:for-each>
    </fo:bookmark>
  </xsl:template>

  <!-- The first page: title, author, and a panel of facts from the header. -->
  <xsl:template name="title-block">
    <fo:block font-family="{$sans}" font-size="19pt" font-weight="bold" line-height="1.2" space-after="4pt"
              keep-with-next.within-page="always">
      <xsl:value-of select="$doc-title"/>
    </fo:block>
    <xsl:if test="$doc-subtitle != ''">
      <fo:block font-size="12.5pt" space-after="3pt">
        <xsl:value-of select="$doc-subtitle"/>
      </fo:block>
    </xsl:if>
    <xsl:if test="$doc-author != ''">
      <fo:block font-size="12.5pt" font-style="italic" space-after="10pt">
        <xsl:value-of select="$doc-author"/>
      </fo:block>
    </xsl:if>
    <xsl:if test="$header != '0' and $tei-header">
      <fo:block background-color="#f3f1ea" border="0.5pt solid {$rule}" padding="6pt 8pt" space-after="16pt"
                font-family="{$sans}" font-size="8.5pt" line-height="1.35">
        <fo:table table-layout="fixed" width="100%">
          <fo:table-column column-width="24mm"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-body>
            <xsl:if test="$doc-date">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="'Date'"/>
                <xsl:with-param name="value">
                  <xsl:value-of select="$doc-date-words"/>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$doc-sources">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="'Source'"/>
                <xsl:with-param name="value">
                  <xsl:for-each select="$doc-sources">
                    <fo:block>
                      <xsl:apply-templates select="." mode="meta"/>
                    </fo:block>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$doc-publishers[normalize-space()]">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="'Publisher'"/>
                <xsl:with-param name="value">
                  <xsl:for-each select="$doc-publishers[normalize-space()]">
                    <xsl:if test="position() &gt; 1">; </xsl:if>
                    <xsl:apply-templates select="." mode="meta"/>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$licence-text != ''">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="'Licence'"/>
                <xsl:with-param name="value">
                  <xsl:variable name="target">
                    <xsl:call-template name="safe-target">
                      <xsl:with-param name="target" select="$doc-licence/@target"/>
                    </xsl:call-template>
                  </xsl:variable>
                  <xsl:choose>
                    <xsl:when test="starts-with($target, 'http')">
                      <fo:basic-link external-destination="url('{$target}')" color="{$link}">
                        <xsl:value-of select="$licence-text"/>
                      </fo:basic-link>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:value-of select="$licence-text"/>
                    </xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$doc-languages">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="'Language'"/>
                <xsl:with-param name="value">
                  <xsl:for-each select="$doc-languages">
                    <xsl:if test="position() &gt; 1">, </xsl:if>
                    <xsl:value-of select="normalize-space(.)"/>
                    <xsl:if test="normalize-space(.) = ''">
                      <xsl:value-of select="@ident"/>
                    </xsl:if>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="normalize-space($encoding-words) != ''">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="'Encoding'"/>
                <xsl:with-param name="value" select="concat('TEI P5; ', $encoding-words)"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$doc-checksum != ''">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="'SHA-256'"/>
                <xsl:with-param name="value">
                  <fo:inline font-family="{$mono}" font-size="7.5pt">
                    <xsl:value-of select="$doc-checksum"/>
                  </fo:inline>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
          </fo:table-body>
        </fo:table>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="fact">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <fo:table-row>
      <fo:table-cell padding="1.5pt 0">
        <fo:block font-weight="bold" color="{$muted}">
          <xsl:value-of select="$label"/>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="1.5pt 0">
        <fo:block>
          <xsl:copy-of select="$value"/>
        </fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="tei:title" mode="meta">
    <fo:inline font-style="italic">
      <xsl:apply-templates mode="meta"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="meta">
    <xsl:variable name="target">
      <xsl:call-template name="safe-target">
        <xsl:with-param name="target" select="@target"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="starts-with($target, 'http')">
        <fo:basic-link external-destination="url('{$target}')" color="{$link}">
          <xsl:call-template name="break-after">
            <xsl:with-param name="text" select="normalize-space(concat(., substring($target, 1, 1000 * number(normalize-space(.) = ''))))"/>
          </xsl:call-template>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="meta"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="meta">
    <xsl:choose>
      <xsl:when test="contains(., '://')">
        <xsl:call-template name="break-after">
          <xsl:with-param name="text" select="."/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Helpers                                                             -->
  <!-- ================================================================== -->

  <!-- The FO id of an element with an xml:id (links and citations find it). -->
  <xsl:template name="fo-id">
    <xsl:if test="@xml:id">
      <xsl:attribute name="id">
        <xsl:value-of select="@xml:id"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="xml:lang">
        <xsl:value-of select="@xml:lang"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="content">
    <xsl:param name="container"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1' or ($container and * and not(text()[normalize-space()]))">
        <xsl:apply-templates mode="block"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block>
          <xsl:apply-templates mode="inline"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph-like block with inline content. -->
  <xsl:template name="para">
    <xsl:param name="align" select="'justify'"/>
    <xsl:param name="style" select="'normal'"/>
    <xsl:param name="size"/>
    <xsl:param name="before" select="'0pt'"/>
    <xsl:param name="after" select="'5pt'"/>
    <xsl:param name="color"/>
    <fo:block text-align="{$align}" space-before="{$before}" space-after="{$after}">
      <xsl:if test="$align = 'justify'">
        <xsl:attribute name="text-align-last">start</xsl:attribute>
      </xsl:if>
      <xsl:if test="$style != 'normal'">
        <xsl:attribute name="font-style">
          <xsl:value-of select="$style"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="$size != ''">
        <xsl:attribute name="font-size">
          <xsl:value-of select="$size"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="$color != ''">
        <xsl:attribute name="color">
          <xsl:value-of select="$color"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-id"/>
      <xsl:call-template name="line-content"/>
    </fo:block>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Block mode                                                          -->
  <!-- ================================================================== -->

  <xsl:template match="tei:text | tei:body | tei:group | tei:floatingText" mode="block">
    <fo:block>
      <xsl:call-template name="fo-id"/>
      <xsl:apply-templates mode="block"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:front" mode="block">
    <fo:block text-align="center" space-after="14pt">
      <xsl:call-template name="fo-id"/>
      <xsl:apply-templates mode="block"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:back" mode="block">
    <fo:block space-before="12pt" font-size="0.95em">
      <xsl:call-template name="fo-id"/>
      <xsl:apply-templates mode="block"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7"
      mode="block">
    <fo:block>
      <xsl:if test="not(@type = 'titlepage' or @type = 'titlePage')">
        <xsl:attribute name="text-align">start</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="tei:head">
          <xsl:attribute name="id">
            <xsl:call-template name="section-id"/>
          </xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="fo-id"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="block"/>
    </fo:block>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:head" mode="block">
    <xsl:variable name="division">
      <xsl:call-template name="is-division-head"/>
    </xsl:variable>
    <xsl:variable name="level">
      <xsl:call-template name="heading-level"/>
    </xsl:variable>
    <fo:block font-family="{$sans}" font-weight="bold" keep-with-next.within-page="always" text-align="start"
              line-height="1.25">
      <xsl:call-template name="fo-id"/>
      <xsl:choose>
        <xsl:when test="$division != '1'">
          <xsl:attribute name="space-before">6pt</xsl:attribute>
          <xsl:attribute name="space-after">3pt</xsl:attribute>
        </xsl:when>
        <xsl:when test="$level = 2">
          <xsl:attribute name="font-size">13.5pt</xsl:attribute>
          <xsl:attribute name="space-before">16pt</xsl:attribute>
          <xsl:attribute name="space-after">7pt</xsl:attribute>
        </xsl:when>
        <xsl:when test="$level = 3">
          <xsl:attribute name="font-size">12pt</xsl:attribute>
          <xsl:attribute name="space-before">12pt</xsl:attribute>
          <xsl:attribute name="space-after">5pt</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="font-size">10.5pt</xsl:attribute>
          <xsl:attribute name="space-before">10pt</xsl:attribute>
          <xsl:attribute name="space-after">4pt</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="block">
    <xsl:call-template name="para"/>
  </xsl:template>

  <xsl:template match="tei:titlePart" mode="block">
    <xsl:choose>
      <xsl:when test="not(@type) or @type = 'main'">
        <fo:block font-size="15pt" font-weight="bold" space-after="4pt" line-height="1.25">
          <xsl:call-template name="fo-id"/>
          <xsl:apply-templates mode="inline"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block font-size="11.5pt" font-style="italic" space-after="4pt">
          <xsl:call-template name="fo-id"/>
          <xsl:apply-templates mode="inline"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:docAuthor | tei:docDate | tei:docEdition | tei:docImprint | tei:byline" mode="block">
    <xsl:call-template name="para">
      <xsl:with-param name="align" select="'center'"/>
      <xsl:with-param name="after" select="'4pt'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:trailer" mode="block">
    <xsl:call-template name="para">
      <xsl:with-param name="align" select="'center'"/>
      <xsl:with-param name="before" select="'12pt'"/>
      <xsl:with-param name="after" select="'12pt'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:dateline" mode="block">
    <xsl:call-template name="para">
      <xsl:with-param name="align" select="'end'"/>
      <xsl:with-param name="style" select="'italic'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:signed" mode="block">
    <xsl:call-template name="para">
      <xsl:with-param name="align" select="'end'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:salute | tei:addrLine | tei:speaker | tei:label | tei:imprimatur | tei:meeting
                       | tei:caption | tei:figDesc | tei:docTitle/tei:title" mode="block">
    <xsl:call-template name="para">
      <xsl:with-param name="align" select="'start'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:bibl" mode="block">
    <xsl:call-template name="para">
      <xsl:with-param name="align" select="'start'"/>
      <xsl:with-param name="size" select="'0.92em'"/>
      <xsl:with-param name="color" select="$muted"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stage" mode="block">
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'italic'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:titlePage | tei:docTitle | tei:opener | tei:closer | tei:postscript | tei:argument
                       | tei:sp | tei:castList | tei:listBibl | tei:address | tei:cit | tei:figure" mode="block">
    <fo:block space-after="6pt">
      <xsl:call-template name="fo-id"/>
      <xsl:if test="self::tei:opener or self::tei:closer">
        <xsl:attribute name="space-before">4pt</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="content">
        <xsl:with-param name="container" select="true()"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said | tei:epigraph" mode="block">
    <fo:block margin-left="8mm" margin-right="4mm" space-before="4pt" space-after="8pt" font-size="0.95em">
      <xsl:call-template name="fo-id"/>
      <xsl:call-template name="content">
        <xsl:with-param name="container" select="self::tei:epigraph"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:lg" mode="block">
    <fo:block margin-left="8mm" space-before="4pt" space-after="8pt" text-align="start">
      <xsl:call-template name="fo-id"/>
      <xsl:apply-templates mode="block"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:l" mode="block">
    <fo:block margin-left="8mm" text-indent="-8mm" text-align="start">
      <xsl:if test="not(parent::tei:lg) and not(preceding-sibling::*[1][self::tei:l])">
        <xsl:attribute name="space-before">4pt</xsl:attribute>
      </xsl:if>
      <xsl:if test="not(parent::tei:lg) and not(following-sibling::*[1][self::tei:l])">
        <xsl:attribute name="space-after">6pt</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-id"/>
      <xsl:apply-templates mode="inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:list" mode="block">
    <xsl:apply-templates select="tei:head" mode="block"/>
    <xsl:variable name="entries" select="tei:item | tei:label[not(following-sibling::*[1][self::tei:item])]"/>
    <xsl:if test="$entries">
      <xsl:variable name="widest">
        <xsl:for-each select="tei:label">
          <xsl:sort select="string-length(normalize-space())" data-type="number" order="descending"/>
          <xsl:if test="position() = 1">
            <xsl:value-of select="string-length(normalize-space())"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="label-width">
        <xsl:choose>
          <xsl:when test="number($widest) &gt; 12">30</xsl:when>
          <xsl:when test="number($widest) &gt; 3">
            <xsl:value-of select="4 + 2 * number($widest)"/>
          </xsl:when>
          <xsl:otherwise>8</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <fo:list-block provisional-distance-between-starts="{$label-width}mm" provisional-label-separation="2mm"
                     space-before="2pt" space-after="6pt">
        <xsl:call-template name="fo-id"/>
        <xsl:for-each select="$entries">
          <fo:list-item space-after="3pt">
            <xsl:call-template name="fo-id"/>
            <fo:list-item-label end-indent="label-end()">
              <fo:block text-align="end">
                <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label] | self::tei:label"/>
                <xsl:choose>
                  <xsl:when test="$label">
                    <xsl:apply-templates select="$label/node()" mode="inline"/>
                  </xsl:when>
                  <xsl:when test="../@type = 'ordered' or contains(../@rend, 'numbered')">
                    <xsl:value-of select="count(preceding-sibling::tei:item) + 1"/>
                    <xsl:text>.</xsl:text>
                  </xsl:when>
                  <xsl:otherwise>•</xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <xsl:choose>
                <xsl:when test="self::tei:item">
                  <xsl:call-template name="content"/>
                </xsl:when>
                <xsl:otherwise>
                  <fo:block/>
                </xsl:otherwise>
              </xsl:choose>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
    <xsl:apply-templates select="*[not(self::tei:item or self::tei:label or self::tei:head)]" mode="block"/>
  </xsl:template>

  <xsl:template match="tei:table" mode="block">
    <xsl:apply-templates select="tei:head" mode="block"/>
    <xsl:variable name="columns">
      <xsl:for-each select="tei:row">
        <xsl:sort select="count(tei:cell) + sum(tei:cell/@cols) - count(tei:cell[@cols])" data-type="number"
                  order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="count(tei:cell) + sum(tei:cell/@cols) - count(tei:cell[@cols])"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="tei:row/tei:cell">
      <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-before="4pt" space-after="8pt"
                font-size="0.95em">
        <xsl:call-template name="fo-id"/>
        <fo:table-column column-width="proportional-column-width(1)" number-columns-repeated="{$columns}"/>
        <fo:table-body>
          <xsl:for-each select="tei:row[tei:cell]">
            <fo:table-row>
              <xsl:for-each select="tei:cell">
                <fo:table-cell border="0.4pt solid {$rule}" padding="2pt 3pt">
                  <xsl:if test="number(@cols) &gt; 1">
                    <xsl:attribute name="number-columns-spanned">
                      <xsl:value-of select="number(@cols)"/>
                    </xsl:attribute>
                  </xsl:if>
                  <xsl:if test="number(@rows) &gt; 1">
                    <xsl:attribute name="number-rows-spanned">
                      <xsl:value-of select="number(@rows)"/>
                    </xsl:attribute>
                  </xsl:if>
                  <xsl:if test="@role = 'label' or ../@role = 'label'">
                    <xsl:attribute name="font-weight">bold</xsl:attribute>
                  </xsl:if>
                  <xsl:call-template name="content"/>
                </fo:table-cell>
              </xsl:for-each>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
    <xsl:apply-templates select="*[not(self::tei:row or self::tei:head)]" mode="block"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="block">
    <xsl:variable name="footnote">
      <xsl:call-template name="is-footnote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = '1'">
        <fo:block>
          <xsl:apply-templates select="." mode="inline"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block font-size="0.92em" space-after="5pt" text-align="justify" text-align-last="start">
          <xsl:call-template name="fo-id"/>
          <xsl:if test="normalize-space(@n) != ''">
            <fo:block font-weight="bold" keep-with-next.within-page="always">
              <xsl:value-of select="normalize-space(@n)"/>
            </fo:block>
          </xsl:if>
          <xsl:call-template name="note-content"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:fw" mode="block">
    <xsl:if test="$show-furniture">
      <fo:block font-family="{$sans}" font-size="7.5pt" color="{$muted}" space-before="4pt" space-after="4pt">
        <xsl:call-template name="fo-id"/>
        <xsl:apply-templates mode="inline"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="block">
    <xsl:if test="$show-furniture">
      <fo:block font-family="{$sans}" font-size="7pt" color="{$muted}" text-align="end">
        <xsl:apply-templates select="." mode="inline"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="block">
    <fo:block text-align="center" space-before="6pt" space-after="6pt" color="{$muted}">
      <xsl:call-template name="fo-id"/>
      <xsl:text>*   *   *</xsl:text>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:gap" mode="block">
    <fo:block>
      <xsl:apply-templates select="." mode="inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:lb | tei:cb | tei:gb" mode="block"/>

  <xsl:template match="tei:anchor" mode="block">
    <xsl:if test="@xml:id">
      <fo:block id="{@xml:id}"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="text()" mode="block">
    <xsl:if test="normalize-space()">
      <fo:block>
        <xsl:value-of select="."/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="block">
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1'">
        <fo:block>
          <xsl:call-template name="fo-id"/>
          <xsl:apply-templates mode="block"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block space-after="4pt">
          <xsl:apply-templates select="." mode="inline"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Inline mode                                                         -->
  <!-- ================================================================== -->

  <!-- A structural element inside a line: a block of its own (allowed in
       fo:block; FOP also accepts it inside fo:inline). -->
  <xsl:template match="tei:p | tei:ab | tei:l | tei:lg | tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4
                       | tei:div5 | tei:div6 | tei:div7 | tei:floatingText | tei:sp | tei:castList | tei:listBibl
                       | tei:figure | tei:titlePage | tei:head | tei:item | tei:listPerson | tei:listPlace
                       | tei:listOrg | tei:row | tei:list | tei:table" mode="inline">
    <fo:block space-before="2pt" space-after="2pt">
      <xsl:if test="self::tei:lg or self::tei:list or self::tei:l">
        <xsl:attribute name="margin-left">6mm</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-id"/>
      <xsl:apply-templates mode="inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:list/tei:label" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:list/tei:item[preceding-sibling::*[1][self::tei:label]]" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="tei:cell" mode="inline">
    <xsl:if test="preceding-sibling::tei:cell">
      <xsl:text> | </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="tei:hi" mode="inline">
    <xsl:variable name="rend" select="concat(' ', translate(normalize-space(concat(@rend, ' ', @rendition)), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ#', 'abcdefghijklmnopqrstuvwxyz '), ' ')"/>
    <fo:inline>
      <xsl:call-template name="fo-id"/>
      <xsl:choose>
        <xsl:when test="contains($rend, ' sup') or contains($rend, 'superscript')">
          <xsl:attribute name="baseline-shift">super</xsl:attribute>
          <xsl:attribute name="font-size">0.7em</xsl:attribute>
        </xsl:when>
        <xsl:when test="contains($rend, ' sub ') or contains($rend, 'subscript')">
          <xsl:attribute name="baseline-shift">sub</xsl:attribute>
          <xsl:attribute name="font-size">0.7em</xsl:attribute>
        </xsl:when>
        <xsl:when test="contains($rend, 'bold') or contains($rend, ' b ') or contains($rend, 'strong')">
          <xsl:attribute name="font-weight">bold</xsl:attribute>
        </xsl:when>
        <xsl:when test="contains($rend, 'smallcap') or contains($rend, ' sc ') or contains($rend, 'caps')">
          <xsl:attribute name="font-variant">small-caps</xsl:attribute>
        </xsl:when>
        <xsl:when test="contains($rend, 'underline') or contains($rend, ' u ')">
          <xsl:attribute name="text-decoration">underline</xsl:attribute>
        </xsl:when>
        <xsl:when test="contains($rend, 'strike')">
          <xsl:attribute name="text-decoration">line-through</xsl:attribute>
        </xsl:when>
        <xsl:when test="contains($rend, 'spaced')">
          <xsl:attribute name="letter-spacing">0.12em</xsl:attribute>
        </xsl:when>
        <xsl:when test="contains($rend, 'roman') or contains($rend, 'normal')">
          <xsl:attribute name="font-style">normal</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="font-style">italic</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:term | tei:mentioned | tei:title[not(@level = 'a' or @level = 'u')]"
      mode="inline">
    <fo:inline font-style="italic">
      <xsl:call-template name="fo-id"/>
      <xsl:apply-templates mode="inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="tei:soCalled" mode="inline">
    <xsl:text>‘</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>’</xsl:text>
  </xsl:template>

  <xsl:template match="tei:stage" mode="inline">
    <fo:inline font-style="italic">
      <xsl:apply-templates mode="inline"/>
    </fo:inline>
  </xsl:template>

  <!-- A name or rs that says neither what it names nor where its entry is
       (ELTeC level 2 has thousands): just its words. -->
  <xsl:template match="tei:rs[not(@ref)][not(@type)][not(@xml:id)] | tei:name[not(@ref)][not(@type)][not(@xml:id)]"
      mode="inline">
    <xsl:apply-templates mode="words"/>
  </xsl:template>

  <!-- Names: coloured by kind, linked to their index entry. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs" mode="inline">
    <xsl:variable name="kind">
      <xsl:call-template name="name-kind"/>
    </xsl:variable>
    <xsl:variable name="entity">
      <xsl:call-template name="entity-id"/>
    </xsl:variable>
    <xsl:variable name="uncertain" select="not(@ref) and (@cert = 'low' or @cert = 'unknown' or @cert = 'medium')"/>
    <xsl:variable name="indexed"
        select="$has-index and ($entity != '' or (not(@ref) and (self::tei:persName or self::tei:placeName or self::tei:orgName)))"/>
    <xsl:variable name="color">
      <xsl:choose>
        <xsl:when test="$kind = 'person'">#7a1c38</xsl:when>
        <xsl:when test="$kind = 'place'">#1d5530</xsl:when>
        <xsl:when test="$kind = 'org'">#3f3380</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="nested" select="ancestor::tei:ref or ancestor::*[@ref][self::tei:persName or self::tei:placeName
                                        or self::tei:orgName or self::tei:name or self::tei:rs]"/>
    <xsl:choose>
      <xsl:when test="$entity != '' and $has-index and not($nested)">
        <fo:basic-link internal-destination="{$entity}">
          <xsl:if test="$color != ''">
            <xsl:attribute name="color">
              <xsl:value-of select="$color"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:attribute name="id">
            <xsl:call-template name="mention-id"/>
          </xsl:attribute>
          <xsl:apply-templates mode="inline"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:when test="$color = '' and not($indexed) and not(@xml:id)">
        <xsl:apply-templates mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline>
          <xsl:if test="$color != ''">
            <xsl:attribute name="color">
              <xsl:value-of select="$color"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="$indexed or @xml:id">
            <xsl:attribute name="id">
              <xsl:call-template name="mention-id"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
          <xsl:if test="$uncertain">
            <fo:inline baseline-shift="super" font-size="0.6em" color="{$muted}">?</fo:inline>
          </xsl:if>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ref | tei:ptr" mode="inline">
    <xsl:variable name="target">
      <xsl:call-template name="safe-target">
        <xsl:with-param name="target" select="@target"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="nested" select="ancestor::tei:ref or ancestor::*[@ref][self::tei:persName or self::tei:placeName
                                        or self::tei:orgName or self::tei:name or self::tei:rs]"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="self::tei:ptr or normalize-space(.) = ''">
          <xsl:value-of select="$target"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$nested or $target = ''">
        <xsl:apply-templates mode="inline"/>
      </xsl:when>
      <xsl:when test="starts-with($target, '#') and key('entity', substring($target, 2))">
        <fo:basic-link internal-destination="{substring($target, 2)}" color="{$link}">
          <xsl:apply-templates mode="inline"/>
          <xsl:value-of select="$text"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:when test="starts-with($target, '#')">
        <xsl:variable name="id" select="substring($target, 2)"/>
        <xsl:choose>
          <xsl:when test="key('xml-id', $id)[ancestor::tei:text]">
            <fo:basic-link internal-destination="{$id}" color="{$link}">
              <xsl:apply-templates mode="inline"/>
              <xsl:value-of select="$text"/>
            </fo:basic-link>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates mode="inline"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="contains($target, ':')">
        <fo:basic-link external-destination="url('{$target}')" color="{$link}">
          <xsl:apply-templates mode="inline"/>
          <xsl:call-template name="break-after">
            <xsl:with-param name="text" select="$text"/>
          </xsl:call-template>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="inline"/>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- URLs printed in the text may break after a slash. -->
  <xsl:template match="tei:ref//text()[contains(., '://')]" mode="inline">
    <xsl:call-template name="break-after">
      <xsl:with-param name="text" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- Footnotes: real fo:footnote, marked with the source's mark or a number. -->
  <xsl:template match="tei:note" mode="inline">
    <xsl:variable name="footnote">
      <xsl:call-template name="is-footnote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = '1' and not(ancestor::tei:note)">
        <xsl:variable name="number">
          <xsl:call-template name="footnote-number"/>
        </xsl:variable>
        <xsl:variable name="mark">
          <xsl:call-template name="footnote-mark"/>
        </xsl:variable>
        <fo:footnote>
          <fo:inline baseline-shift="super" font-size="0.65em" font-family="{$sans}" color="{$link}">
            <xsl:value-of select="$mark"/>
          </fo:inline>
          <fo:footnote-body>
            <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="1.5mm"
                           font-size="8.5pt" line-height="1.35" font-style="normal" font-weight="normal"
                           text-align="start" color="#000000" space-after="2pt">
              <fo:list-item>
                <xsl:call-template name="fo-id"/>
                <fo:list-item-label end-indent="label-end()">
                  <fo:block font-family="{$sans}" font-weight="bold">
                    <xsl:value-of select="$mark"/>
                  </fo:block>
                </fo:list-item-label>
                <fo:list-item-body start-indent="body-start()">
                  <xsl:call-template name="note-content"/>
                </fo:list-item-body>
              </fo:list-item>
            </fo:list-block>
          </fo:footnote-body>
        </fo:footnote>
      </xsl:when>
      <xsl:otherwise>
        <!-- A note in a note (no footnote can hold another): in parentheses. -->
        <fo:inline font-size="0.9em">
          <xsl:text> (</xsl:text>
          <xsl:apply-templates mode="inline"/>
          <xsl:text>)</xsl:text>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-content">
    <xsl:variable name="missing">
      <xsl:call-template name="is-missing-note"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$missing = '1'">
        <fo:block font-style="italic" color="{$muted}">note text not in source</fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="content"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:choose>
      <xsl:when test="@reason = 'not-in-source' and ancestor::tei:note">
        <fo:inline font-style="italic" color="{$muted}">note text not in source</fo:inline>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline color="{$muted}">[…]</fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="inline">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:del" mode="inline">
    <fo:inline text-decoration="line-through">
      <xsl:apply-templates mode="inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="tei:choice" mode="inline">
    <xsl:variable name="source" select="(tei:sic | tei:orig | tei:abbr)[1]"/>
    <xsl:variable name="editor" select="(tei:corr | tei:reg | tei:expan)[1]"/>
    <xsl:choose>
      <xsl:when test="$source and $editor">
        <xsl:apply-templates select="$source" mode="inline"/>
        <xsl:if test="$editor/self::tei:corr">
          <fo:inline color="{$muted}">
            <xsl:text> [</xsl:text>
            <xsl:apply-templates select="$editor/node()" mode="inline"/>
            <xsl:text>]</xsl:text>
          </fo:inline>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*" mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:fw" mode="inline">
    <xsl:if test="$show-furniture">
      <fo:inline font-family="{$sans}" font-size="7pt" color="{$muted}" font-style="normal">
        <xsl:text> [</xsl:text>
        <xsl:apply-templates mode="inline"/>
        <xsl:text>] </xsl:text>
      </fo:inline>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:if test="$show-furniture">
      <fo:inline font-family="{$sans}" font-size="7pt" color="{$muted}" font-style="normal" font-weight="normal">
        <xsl:call-template name="fo-id"/>
        <xsl:choose>
          <xsl:when test="normalize-space(@n) != ''">
            <xsl:value-of select="concat(' [p. ', normalize-space(@n), '] ')"/>
          </xsl:when>
          <xsl:otherwise> | </xsl:otherwise>
        </xsl:choose>
      </fo:inline>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:if test="not(@break = 'no')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="inline">
    <xsl:text> * </xsl:text>
  </xsl:template>

  <xsl:template match="tei:anchor | tei:cb | tei:gb" mode="inline">
    <xsl:if test="@xml:id">
      <fo:inline id="{@xml:id}"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:graphic | tei:media" mode="inline">
    <fo:inline color="{$muted}">[image]</fo:inline>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:choose>
      <xsl:when test="@xml:id or @xml:lang">
        <fo:inline>
          <xsl:call-template name="fo-id"/>
          <xsl:apply-templates mode="inline"/>
        </fo:inline>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Word-level TEI (ELTeC level 2): a sentence's words and punctuation go
       through the "words" mode (common/structure.xsl), which drops the white
       space before closing and after opening punctuation. Only sentences pay
       for that test, not every text node of a novel. -->
  <xsl:template match="tei:s" mode="inline">
    <xsl:choose>
      <xsl:when test="@xml:id or @xml:lang">
        <fo:inline>
          <xsl:call-template name="fo-id"/>
          <xsl:apply-templates mode="words"/>
        </fo:inline>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="words"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A word or punctuation mark (word-level TEI): its text, with a space
       before it when the source has none and the two are not joined. -->
  <xsl:template match="tei:w | tei:pc" mode="inline">
    <xsl:call-template name="word-space"/>
    <xsl:choose>
      <xsl:when test="* or @xml:id or @xml:lang">
        <fo:inline>
          <xsl:call-template name="fo-id"/>
          <xsl:apply-templates mode="inline"/>
        </fo:inline>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Index of names                                                      -->
  <!-- ================================================================== -->

  <xsl:template name="index-of-names">
    <fo:block id="index-of-names" font-family="{$sans}" font-size="13.5pt" font-weight="bold" space-before="22pt"
              space-after="4pt" keep-with-next.within-page="always" border-top="0.5pt solid {$rule}"
              padding-top="8pt">
      <xsl:text>Index of names</xsl:text>
    </fo:block>
    <fo:block font-size="8.5pt" color="{$muted}" space-after="6pt" font-family="{$sans}">
      <xsl:text>Persons, places and organisations, with links to their authority records. The page is that of the first mention.</xsl:text>
    </fo:block>
    <xsl:call-template name="index-group">
      <xsl:with-param name="entries" select="$index-persons"/>
      <xsl:with-param name="title" select="'Persons'"/>
    </xsl:call-template>
    <xsl:call-template name="index-group">
      <xsl:with-param name="entries" select="$index-places"/>
      <xsl:with-param name="title" select="'Places'"/>
    </xsl:call-template>
    <xsl:call-template name="index-group">
      <xsl:with-param name="entries" select="$index-orgs"/>
      <xsl:with-param name="title" select="'Organisations'"/>
    </xsl:call-template>
    <xsl:if test="$unidentified-groups">
      <xsl:call-template name="index-title">
        <xsl:with-param name="title" select="'Unidentified names (not in the register)'"/>
      </xsl:call-template>
      <xsl:for-each select="$unidentified-groups">
        <xsl:sort select="normalize-space(.)"/>
        <xsl:variable name="kind">
          <xsl:call-template name="name-kind"/>
        </xsl:variable>
        <fo:block font-size="9pt" space-after="2pt" margin-left="4mm" text-indent="-4mm" font-family="{$sans}">
          <fo:inline font-weight="bold">
            <xsl:value-of select="normalize-space(.)"/>
          </fo:inline>
          <fo:inline color="{$muted}">
            <xsl:text> </xsl:text>
            <xsl:call-template name="kind-label">
              <xsl:with-param name="kind" select="$kind"/>
            </xsl:call-template>
          </fo:inline>
          <xsl:call-template name="index-pages">
            <xsl:with-param name="mentions" select="key('unidentified', concat(local-name(), '|', normalize-space(.)))"/>
          </xsl:call-template>
        </fo:block>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="index-title">
    <xsl:param name="title"/>
    <fo:block font-family="{$sans}" font-size="9pt" font-weight="bold" color="{$muted}" space-before="8pt"
              space-after="3pt" keep-with-next.within-page="always" letter-spacing="0.05em">
      <xsl:value-of select="$title"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="index-group">
    <xsl:param name="entries"/>
    <xsl:param name="title"/>
    <xsl:if test="$entries">
      <xsl:call-template name="index-title">
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <xsl:for-each select="$entries">
        <xsl:sort select="normalize-space((tei:persName/tei:surname | *[self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name][not(@type) or @type = 'standard' or @type = 'main' or @type = 'preferred' or @type = 'full'])[1])"/>
        <fo:block font-size="9pt" space-after="2.5pt" margin-left="4mm" text-indent="-4mm" font-family="{$sans}"
                  keep-together.within-page="always">
          <xsl:if test="@xml:id">
            <xsl:attribute name="id">
              <xsl:value-of select="@xml:id"/>
            </xsl:attribute>
          </xsl:if>
          <fo:inline font-weight="bold">
            <xsl:call-template name="entity-label"/>
          </fo:inline>
          <xsl:variable name="dates">
            <xsl:call-template name="entity-dates"/>
          </xsl:variable>
          <xsl:if test="$dates != ''">
            <xsl:value-of select="concat(' (', $dates, ')')"/>
          </xsl:if>
          <xsl:variable name="note">
            <xsl:call-template name="entity-note"/>
          </xsl:variable>
          <xsl:if test="$note != ''">
            <fo:inline color="{$muted}">
              <xsl:value-of select="concat(' ', $note)"/>
            </fo:inline>
          </xsl:if>
          <xsl:for-each select="tei:idno">
            <xsl:variable name="url">
              <xsl:call-template name="authority-url"/>
            </xsl:variable>
            <xsl:variable name="label">
              <xsl:call-template name="authority-label"/>
              <xsl:text> </xsl:text>
              <xsl:call-template name="authority-value"/>
            </xsl:variable>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="$url != ''">
                <fo:basic-link external-destination="url('{$url}')" color="{$link}" font-size="8pt">
                  <xsl:value-of select="$label"/>
                </fo:basic-link>
              </xsl:when>
              <xsl:otherwise>
                <fo:inline font-size="8pt">
                  <xsl:value-of select="$label"/>
                </fo:inline>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:if test="@xml:id">
            <xsl:call-template name="index-pages">
              <xsl:with-param name="mentions" select="key('mentions', @xml:id)"/>
            </xsl:call-template>
          </xsl:if>
        </fo:block>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- "p. 3 (4 mentions)": the page of the first mention, as a link. -->
  <xsl:template name="index-pages">
    <xsl:param name="mentions"/>
    <xsl:if test="$mentions">
      <xsl:variable name="first">
        <xsl:for-each select="$mentions[1]">
          <xsl:call-template name="mention-id"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:text> — </xsl:text>
      <fo:basic-link internal-destination="{$first}" color="{$link}">
        <xsl:text>p. </xsl:text>
        <fo:page-number-citation ref-id="{$first}"/>
      </fo:basic-link>
      <xsl:if test="count($mentions) &gt; 1">
        <xsl:value-of select="concat(' (', count($mentions), ' mentions)')"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
