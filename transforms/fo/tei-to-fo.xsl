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

  <!-- Body text size. -->
  <xsl:param name="font-size" select="'10.5pt'"/>
  <!-- Paper: a4 or letter. -->
  <xsl:param name="paper" select="'a4'"/>

  <!-- Font families: the chosen one, then the fallbacks (common/fonts.xsl);
       FOP takes each character from the first family that has it. -->
  <xsl:variable name="serif">
    <xsl:call-template name="family-list">
      <xsl:with-param name="list" select="concat($font, ', ', $fallback-fonts, ', serif')"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="sans">
    <xsl:call-template name="family-list">
      <xsl:with-param name="list" select="concat($sans-font, ', DejaVu Sans, ', $fallback-fonts, ', sans-serif')"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="mono">
    <xsl:call-template name="family-list">
      <xsl:with-param name="list" select="concat($mono-font, ', DejaVu Sans Mono, ', $fallback-fonts, ', monospace')"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="muted" select="'#555555'"/>
  <xsl:variable name="link" select="'#1b4f8f'"/>
  <xsl:variable name="rule" select="'#b8b2a4'"/>

  <!-- ================================================================== -->
  <!-- Document, pages, running heads                                      -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <xsl:call-template name="document-warnings"/>
    <fo:root font-family="{$serif}" font-size="{$font-size}" line-height="1.45" xml:lang="{$doc-lang}"
             hyphenate="true" hyphenation-remain-character-count="3" hyphenation-push-character-count="3"
             line-height-shift-adjustment="disregard-shifts">
      <xsl:attribute name="language">
        <xsl:call-template name="base-lang">
          <xsl:with-param name="lang" select="$doc-lang"/>
        </xsl:call-template>
      </xsl:attribute>
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
          <xsl:for-each select="$toc-top">
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
          <xsl:if test="$witnesses">
            <xsl:call-template name="witness-list"/>
          </xsl:if>
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
        <xsl:call-template name="heading-text"/>
      </fo:bookmark-title>
      <xsl:for-each select="(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7)[tei:head]">
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

  <xsl:template name="fo-id">
    <xsl:param name="id"/>
    <xsl:if test="$id != ''">
      <xsl:attribute name="id">
        <xsl:value-of select="$id"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The language of a passage: hyphenation patterns follow it. -->
  <xsl:template name="fo-lang">
    <xsl:param name="lang"/>
    <xsl:if test="$lang != ''">
      <xsl:attribute name="language">
        <xsl:call-template name="base-lang">
          <xsl:with-param name="lang" select="$lang"/>
        </xsl:call-template>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Rendition tokens as FO properties (FOP has no double or wavy line: a
       single one stands for them). -->
  <xsl:template name="fo-style">
    <xsl:param name="tokens"/>
    <xsl:if test="contains($tokens, ' italic ')">
      <xsl:attribute name="font-style">italic</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' upright ')">
      <xsl:attribute name="font-style">normal</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' bold ')">
      <xsl:attribute name="font-weight">bold</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' smallcaps ')">
      <!-- FOP has no small capitals: capitals, a size smaller. -->
      <xsl:attribute name="text-transform">uppercase</xsl:attribute>
      <xsl:attribute name="font-size">0.82em</xsl:attribute>
      <xsl:attribute name="letter-spacing">0.03em</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' allcaps ')">
      <xsl:attribute name="text-transform">uppercase</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' underline ') or contains($tokens, ' strike')">
      <xsl:attribute name="text-decoration">
        <xsl:if test="contains($tokens, ' underline ')">underline </xsl:if>
        <xsl:if test="contains($tokens, ' strike')">line-through</xsl:if>
      </xsl:attribute>
    </xsl:if>
    <!-- FOP draws one kind of underline: a double one is a double bottom
         border, a wavy one a dotted border (it has no wavy line). -->
    <xsl:if test="contains($tokens, ' underline-double ') or contains($tokens, ' underline-wavy ')">
      <xsl:attribute name="border-bottom-style">
        <xsl:value-of select="substring('double dotted', 1 + 7 * number(not(contains($tokens, ' underline-double '))), 6)"/>
      </xsl:attribute>
      <xsl:attribute name="border-bottom-width">
        <xsl:value-of select="substring('1.6pt0.9pt', 1 + 5 * number(not(contains($tokens, ' underline-double '))), 5)"/>
      </xsl:attribute>
      <xsl:attribute name="padding-bottom">0.3pt</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' superscript ') or contains($tokens, ' subscript ')">
      <xsl:attribute name="baseline-shift">
        <xsl:value-of select="substring('supersub', 1 + 5 * number(not(contains($tokens, ' superscript '))), 5)"/>
      </xsl:attribute>
      <xsl:attribute name="font-size">0.7em</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' mono ')">
      <xsl:attribute name="font-family">
        <xsl:value-of select="$mono"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' large ')">
      <xsl:attribute name="font-size">1.2em</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' small ')">
      <xsl:attribute name="font-size">0.85em</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' spaced ')">
      <xsl:attribute name="letter-spacing">0.12em</xsl:attribute>
    </xsl:if>
    <xsl:if test="contains($tokens, ' color:#')">
      <xsl:attribute name="color">
        <xsl:value-of select="substring(substring-after($tokens, ' color:'), 1, 7)"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The house style of each kind of line (a title, a dateline…). -->
  <xsl:template name="role-style">
    <xsl:param name="role"/>
    <xsl:choose>
      <xsl:when test="$role = 'titlePart' and (not(@type) or @type = 'main')">
        <xsl:attribute name="font-size">15pt</xsl:attribute>
        <xsl:attribute name="font-weight">bold</xsl:attribute>
        <xsl:attribute name="line-height">1.25</xsl:attribute>
      </xsl:when>
      <xsl:when test="$role = 'titlePart'">
        <xsl:attribute name="font-size">11.5pt</xsl:attribute>
        <xsl:attribute name="font-style">italic</xsl:attribute>
      </xsl:when>
      <xsl:when test="$role = 'docAuthor'">
        <xsl:attribute name="font-size">10pt</xsl:attribute>
        <xsl:attribute name="text-transform">uppercase</xsl:attribute>
        <xsl:attribute name="letter-spacing">0.04em</xsl:attribute>
      </xsl:when>
      <xsl:when test="$role = 'dateline' or $role = 'stage'">
        <xsl:attribute name="font-style">italic</xsl:attribute>
      </xsl:when>
      <xsl:when test="$role = 'signed' or $role = 'trailer'">
        <xsl:attribute name="text-transform">uppercase</xsl:attribute>
        <xsl:attribute name="font-size">0.82em</xsl:attribute>
        <xsl:attribute name="letter-spacing">0.03em</xsl:attribute>
      </xsl:when>
      <xsl:when test="$role = 'bibl'">
        <xsl:attribute name="font-size">0.92em</xsl:attribute>
        <xsl:attribute name="color">
          <xsl:value-of select="$muted"/>
        </xsl:attribute>
      </xsl:when>
      <xsl:when test="$role = 'head' or $role = 'speaker'">
        <xsl:attribute name="font-weight">bold</xsl:attribute>
        <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
      </xsl:when>
      <xsl:when test="$role = 'fw'">
        <xsl:attribute name="font-family">
          <xsl:value-of select="$sans"/>
        </xsl:attribute>
        <xsl:attribute name="font-size">7pt</xsl:attribute>
        <xsl:attribute name="color">
          <xsl:value-of select="$muted"/>
        </xsl:attribute>
      </xsl:when>
      <xsl:when test="$role = 'formula'">
        <xsl:attribute name="font-family">
          <xsl:value-of select="$mono"/>
        </xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Block primitives                                                    -->
  <!-- ================================================================== -->

  <xsl:template name="w-container">
    <xsl:param name="kind"/>
    <xsl:param name="class"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:param name="nodes" select="node()"/>
    <fo:block>
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:call-template name="fo-lang">
        <xsl:with-param name="lang" select="@xml:lang"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$kind = 'front'">
          <xsl:attribute name="space-after">14pt</xsl:attribute>
        </xsl:when>
        <xsl:when test="$kind = 'back'">
          <xsl:attribute name="space-before">12pt</xsl:attribute>
          <xsl:attribute name="font-size">0.95em</xsl:attribute>
        </xsl:when>
        <xsl:when test="$kind = 'opener' or $kind = 'closer'">
          <xsl:attribute name="space-before">4pt</xsl:attribute>
          <xsl:attribute name="space-after">6pt</xsl:attribute>
        </xsl:when>
        <xsl:when test="$kind = 'figure' or $kind = 'sp' or $kind = 'cit' or $kind = 'address'">
          <xsl:attribute name="space-after">6pt</xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="block-children">
        <xsl:with-param name="nodes" select="$nodes"/>
        <xsl:with-param name="inline" select="$inline"/>
        <xsl:with-param name="path" select="$path"/>
      </xsl:call-template>
    </fo:block>
    <xsl:if test="not($inline)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-heading">
    <xsl:param name="level"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <fo:block font-family="{$sans}" font-weight="bold" keep-with-next.within-page="always" text-align="start"
              line-height="1.25" hyphenate="false">
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:choose>
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
      <xsl:value-of select="$text"/>
      <xsl:if test="$text = ''">
        <xsl:call-template name="inline-nodes"/>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template name="w-p">
    <xsl:param name="id"/>
    <fo:block id="{$id}" text-align="justify" text-align-last="start" space-after="5pt">
      <xsl:apply-templates mode="inline"/>
    </fo:block>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="w-para">
    <xsl:param name="role"/>
    <xsl:param name="align"/>
    <xsl:param name="tokens"/>
    <xsl:param name="css"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:param name="inline"/>
    <fo:block>
      <xsl:attribute name="text-align">
        <xsl:value-of select="$align"/>
      </xsl:attribute>
      <xsl:if test="$align = 'justify'">
        <xsl:attribute name="text-align-last">start</xsl:attribute>
      </xsl:if>
      <xsl:attribute name="space-after">
        <xsl:value-of select="substring('2pt5pt', 1 + 3 * number(not($inline)), 3)"/>
      </xsl:attribute>
      <xsl:if test="$inline">
        <xsl:attribute name="space-before">2pt</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="role-style">
        <xsl:with-param name="role" select="$role"/>
      </xsl:call-template>
      <xsl:call-template name="fo-style">
        <xsl:with-param name="tokens" select="$tokens"/>
      </xsl:call-template>
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:call-template name="fo-lang">
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
      <xsl:call-template name="inline-nodes">
        <xsl:with-param name="nodes" select="$nodes"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <xsl:template name="w-quote-block">
    <xsl:param name="role"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="blocks"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <fo:block margin-left="8mm" margin-right="4mm" space-before="4pt" space-after="8pt" font-size="0.95em">
      <xsl:if test="$role = 'epigraph'">
        <xsl:attribute name="margin-left">45mm</xsl:attribute>
        <xsl:attribute name="font-style">italic</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:call-template name="fo-lang">
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$blocks">
          <xsl:call-template name="block-children">
            <xsl:with-param name="inline" select="$inline"/>
            <xsl:with-param name="path" select="$path"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <fo:block text-align="justify" text-align-last="start">
            <xsl:call-template name="inline-nodes"/>
          </fo:block>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <xsl:template name="w-verse">
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <fo:block margin-left="8mm" space-before="4pt" space-after="8pt" text-align="start">
      <xsl:if test="parent::tei:lg">
        <xsl:attribute name="margin-left">0mm</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:call-template name="fo-lang">
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
      <xsl:call-template name="block-children">
        <xsl:with-param name="inline" select="$inline"/>
        <xsl:with-param name="path" select="$path"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <xsl:template name="w-line">
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <fo:block margin-left="8mm" text-indent="-8mm" text-align="start">
      <xsl:if test="not(ancestor::tei:lg)">
        <xsl:attribute name="margin-left">16mm</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:call-template name="fo-lang">
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
      <xsl:call-template name="inline-nodes"/>
    </fo:block>
  </xsl:template>

  <!-- Lists: a list-block with the labels in a column as wide as the widest;
       in a line of text, the items as lines. -->
  <xsl:template name="w-list">
    <xsl:param name="kind"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:call-template name="heads">
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="$path"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$inline or not(tei:item or tei:label)">
        <fo:block margin-left="6mm" space-before="2pt" space-after="2pt">
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:call-template name="list-items">
            <xsl:with-param name="kind" select="$kind"/>
            <xsl:with-param name="inline" select="true()"/>
            <xsl:with-param name="path" select="$path"/>
          </xsl:call-template>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
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
            <xsl:when test="$kind = 'gloss' or number($widest) &gt; 12">30</xsl:when>
            <xsl:when test="number($widest) &gt; 3">
              <xsl:value-of select="4 + 2 * number($widest)"/>
            </xsl:when>
            <xsl:when test="$kind = 'simple'">2</xsl:when>
            <xsl:otherwise>8</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <fo:list-block provisional-distance-between-starts="{$label-width}mm" provisional-label-separation="2mm"
                       space-before="2pt" space-after="6pt">
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:call-template name="fo-lang">
            <xsl:with-param name="lang" select="$lang"/>
          </xsl:call-template>
          <xsl:call-template name="list-items">
            <xsl:with-param name="kind" select="$kind"/>
            <xsl:with-param name="path" select="$path"/>
          </xsl:call-template>
        </fo:list-block>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="list-extras">
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="$path"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-item">
    <xsl:param name="kind"/>
    <xsl:param name="label"/>
    <xsl:param name="label-nodes"/>
    <xsl:param name="nodes"/>
    <xsl:param name="blocks"/>
    <xsl:param name="head"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <fo:block space-after="2pt">
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:if test="$label != '' or $label-nodes">
            <xsl:value-of select="$label"/>
            <xsl:call-template name="inline-nodes">
              <xsl:with-param name="nodes" select="$label-nodes"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$nodes"/>
          </xsl:call-template>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:list-item space-after="3pt">
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <fo:list-item-label end-indent="label-end()">
            <fo:block text-align="end">
              <xsl:if test="$kind = 'gloss'">
                <xsl:attribute name="text-align">start</xsl:attribute>
                <xsl:attribute name="font-weight">bold</xsl:attribute>
              </xsl:if>
              <xsl:value-of select="$label"/>
              <xsl:call-template name="inline-nodes">
                <xsl:with-param name="nodes" select="$label-nodes"/>
              </xsl:call-template>
            </fo:block>
          </fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <xsl:choose>
              <xsl:when test="$blocks">
                <fo:block>
                  <xsl:call-template name="block-children">
                    <xsl:with-param name="nodes" select="$nodes"/>
                    <xsl:with-param name="path" select="$path"/>
                  </xsl:call-template>
                </fo:block>
              </xsl:when>
              <xsl:otherwise>
                <fo:block>
                  <xsl:call-template name="inline-nodes">
                    <xsl:with-param name="nodes" select="$nodes"/>
                  </xsl:call-template>
                </fo:block>
              </xsl:otherwise>
            </xsl:choose>
          </fo:list-item-body>
        </fo:list-item>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tables: equal columns, the widest row's width; spans across columns
       (rows spanned downwards are set in their first row: FOP would refuse a
       row that then counts more cells than the table has columns). -->
  <xsl:template name="w-table">
    <xsl:param name="id"/>
    <xsl:param name="columns"/>
    <xsl:param name="caption"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:for-each select="$caption">
      <fo:block font-weight="bold" space-before="4pt" space-after="2pt" keep-with-next.within-page="always">
        <xsl:call-template name="inline-nodes"/>
      </fo:block>
    </xsl:for-each>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-before="4pt" space-after="8pt"
              font-size="0.95em">
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <fo:table-column column-width="proportional-column-width(1)" number-columns-repeated="{$columns}"/>
      <fo:table-body>
        <xsl:call-template name="table-rows">
          <xsl:with-param name="path" select="$path"/>
        </xsl:call-template>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="w-row">
    <xsl:param name="header"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <fo:table-row>
      <xsl:if test="$header">
        <xsl:attribute name="font-weight">bold</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="row-cells">
        <xsl:with-param name="path" select="$path"/>
      </xsl:call-template>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="w-cell">
    <xsl:param name="header"/>
    <xsl:param name="cols"/>
    <xsl:param name="rows"/>
    <xsl:param name="blocks"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <fo:table-cell border="0.4pt solid {$rule}" padding="2pt 3pt">
      <xsl:if test="$cols &gt; 1">
        <xsl:attribute name="number-columns-spanned">
          <xsl:value-of select="$cols"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="$header">
        <xsl:attribute name="font-weight">bold</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <fo:block text-align="start">
        <xsl:choose>
          <xsl:when test="$blocks">
            <xsl:call-template name="block-children">
              <xsl:with-param name="path" select="$path"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="inline-nodes"/>
          </xsl:otherwise>
        </xsl:choose>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- A note between paragraphs (the notes at the end of a novel): its mark,
       its text, links back to the places that call it. -->
  <xsl:template name="w-note-block">
    <xsl:param name="mark"/>
    <xsl:param name="id"/>
    <xsl:param name="content"/>
    <xsl:param name="callers"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <fo:block font-size="0.92em" space-after="5pt" text-align="justify" text-align-last="start">
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:if test="$mark != ''">
        <fo:inline font-family="{$sans}" font-weight="bold">
          <xsl:value-of select="$mark"/>
        </fo:inline>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$content = 'blocks' and not($inline)">
          <xsl:call-template name="block-children">
            <xsl:with-param name="path" select="$path"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="note-body">
            <xsl:with-param name="kind" select="substring('inlinemissing', 1 + 6 * number($content = 'missing'), 6 + number($content = 'missing'))"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$callers">
        <xsl:text> </xsl:text>
        <fo:basic-link color="{$link}">
          <xsl:attribute name="internal-destination">
            <xsl:call-template name="out-id">
              <xsl:with-param name="prefix" select="'ref.'"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:text>↩</xsl:text>
        </fo:basic-link>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- Code (TEI examples): the lines as they are, in a typewriter face on a
       light panel; long lines wrap. -->
  <xsl:template name="w-code-block">
    <xsl:param name="code"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <fo:block font-family="{$mono}" font-size="8pt" line-height="1.3" linefeed-treatment="preserve"
              white-space-treatment="preserve" white-space-collapse="false" wrap-option="wrap"
              background-color="#f3f1ea" padding="4pt 6pt" space-before="4pt" space-after="6pt" text-align="start"
              hyphenate="false">
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:value-of select="$code"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="w-separator">
    <xsl:param name="id"/>
    <xsl:param name="block"/>
    <xsl:choose>
      <xsl:when test="$block">
        <fo:block text-align="center" space-before="8pt" space-after="8pt" color="{$muted}">
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:text>*   *   *</xsl:text>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline>
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:text> * </xsl:text>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-pb">
    <xsl:param name="n"/>
    <xsl:param name="id"/>
    <xsl:param name="block"/>
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="$n != ''">
          <xsl:value-of select="concat('[p. ', $n, ']')"/>
        </xsl:when>
        <xsl:otherwise>|</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$block">
        <fo:block font-family="{$sans}" font-size="7pt" color="{$muted}" text-align="end">
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:value-of select="$label"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="not(@break = 'no')">
          <xsl:text> </xsl:text>
        </xsl:if>
        <fo:inline font-family="{$sans}" font-size="7pt" color="{$muted}" font-style="normal" font-weight="normal">
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:value-of select="$label"/>
        </fo:inline>
        <xsl:if test="not(@break = 'no')">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Formulas: their text (FOP cannot set MathML without a plug-in; the
       conversion warns). -->
  <xsl:template name="w-math">
    <xsl:param name="display"/>
    <xsl:choose>
      <xsl:when test="$display and not(ancestor::tei:p)">
        <fo:block text-align="center" space-before="4pt" space-after="4pt">
          <xsl:call-template name="math-text"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline>
          <xsl:call-template name="math-text"/>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Inline primitives                                                   -->
  <!-- ================================================================== -->

  <!-- URLs printed in the text may break after a slash. -->
  <xsl:template match="tei:ref//text()[contains(., '://')]" mode="inline">
    <xsl:call-template name="break-after">
      <xsl:with-param name="text" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-string">
    <xsl:param name="text"/>
    <xsl:value-of select="$text"/>
  </xsl:template>

  <xsl:template name="w-styled">
    <xsl:param name="tokens"/>
    <xsl:param name="css"/>
    <xsl:param name="class"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="title"/>
    <xsl:param name="before"/>
    <xsl:param name="after"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:param name="words"/>
    <xsl:choose>
      <xsl:when test="normalize-space(concat($tokens, $id, $lang)) = '' and not(starts-with($class, 'gap') or $class = 'siglum'
                      or $class = 'omission' or starts-with($class, 'fw '))">
        <xsl:value-of select="$before"/>
        <xsl:call-template name="inline-nodes">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="words" select="$words"/>
        </xsl:call-template>
        <xsl:value-of select="$after"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline>
          <xsl:if test="starts-with($class, 'gap') or $class = 'siglum' or $class = 'omission'">
            <xsl:attribute name="color">
              <xsl:value-of select="$muted"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="starts-with($class, 'fw ')">
            <xsl:attribute name="font-family">
              <xsl:value-of select="$sans"/>
            </xsl:attribute>
            <xsl:attribute name="font-size">7pt</xsl:attribute>
            <xsl:attribute name="color">
              <xsl:value-of select="$muted"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:call-template name="fo-style">
            <xsl:with-param name="tokens" select="$tokens"/>
          </xsl:call-template>
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:call-template name="fo-lang">
            <xsl:with-param name="lang" select="$lang"/>
          </xsl:call-template>
          <xsl:if test="starts-with($class, 'fw ')"> [</xsl:if>
          <xsl:value-of select="$before"/>
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$nodes"/>
            <xsl:with-param name="words" select="$words"/>
          </xsl:call-template>
          <xsl:value-of select="$after"/>
          <xsl:if test="starts-with($class, 'fw ')">] </xsl:if>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Names: coloured by kind and linked to their index entry. -->
  <xsl:template name="w-name">
    <xsl:param name="kind"/>
    <xsl:param name="entity"/>
    <xsl:param name="url"/>
    <xsl:param name="mention-id"/>
    <xsl:param name="title"/>
    <xsl:param name="uncertain"/>
    <xsl:param name="tokens"/>
    <xsl:param name="lang"/>
    <xsl:variable name="colour">
      <xsl:choose>
        <xsl:when test="$kind = 'person'">#7a1c38</xsl:when>
        <xsl:when test="$kind = 'place'">#1d5530</xsl:when>
        <xsl:when test="$kind = 'org'">#3f3380</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$entity != '' or $url != ''">
        <fo:basic-link>
          <xsl:choose>
            <xsl:when test="$entity != ''">
              <xsl:attribute name="internal-destination">
                <xsl:value-of select="$entity"/>
              </xsl:attribute>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="external-destination">
                <xsl:value-of select="concat('url(', &quot;'&quot;, $url, &quot;'&quot;, ')')"/>
              </xsl:attribute>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$mention-id"/>
          </xsl:call-template>
          <xsl:if test="$colour != ''">
            <xsl:attribute name="color">
              <xsl:value-of select="$colour"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:call-template name="w-styled">
            <xsl:with-param name="tokens" select="$tokens"/>
            <xsl:with-param name="lang" select="$lang"/>
          </xsl:call-template>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline>
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$mention-id"/>
          </xsl:call-template>
          <xsl:if test="$colour != ''">
            <xsl:attribute name="color">
              <xsl:value-of select="$colour"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:call-template name="w-styled">
            <xsl:with-param name="tokens" select="$tokens"/>
            <xsl:with-param name="lang" select="$lang"/>
          </xsl:call-template>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$uncertain">
      <fo:inline baseline-shift="super" font-size="0.6em" color="{$muted}">?</fo:inline>
    </xsl:if>
  </xsl:template>

  <!-- Dates, with the other calendar after them in small grey type. -->
  <xsl:template name="w-date">
    <xsl:param name="datetime"/>
    <xsl:param name="description"/>
    <xsl:param name="calendar"/>
    <xsl:param name="gloss"/>
    <xsl:param name="tokens"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:call-template name="w-styled">
      <xsl:with-param name="tokens" select="$tokens"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="lang" select="$lang"/>
    </xsl:call-template>
    <xsl:if test="$gloss != ''">
      <xsl:text>&#xA0;</xsl:text>
      <fo:inline font-size="0.8em" color="{$muted}" font-style="normal" font-weight="normal">
        <xsl:value-of select="$gloss"/>
      </fo:inline>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-link">
    <xsl:param name="target-id"/>
    <xsl:param name="url"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:choose>
      <xsl:when test="$target-id != '' or contains($url, ':')">
        <fo:basic-link color="{$link}">
          <xsl:choose>
            <xsl:when test="$target-id != ''">
              <xsl:attribute name="internal-destination">
                <xsl:value-of select="$target-id"/>
              </xsl:attribute>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="external-destination">
                <xsl:value-of select="concat('url(', &quot;'&quot;, $url, &quot;'&quot;, ')')"/>
              </xsl:attribute>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:call-template name="break-after">
            <xsl:with-param name="text" select="$text"/>
          </xsl:call-template>
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$nodes"/>
          </xsl:call-template>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline>
          <xsl:call-template name="fo-id">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:value-of select="$text"/>
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$nodes"/>
          </xsl:call-template>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A footnote (fo:footnote) with the edition's mark, or an apparatus
       entry with its letter; FOP cannot nest footnotes, and the traversal
       never asks it to. -->
  <xsl:template name="footnote">
    <xsl:param name="mark"/>
    <xsl:param name="app" select="false()"/>
    <fo:footnote>
      <fo:inline baseline-shift="super" font-size="0.65em" font-family="{$sans}" color="{$link}" font-style="normal"
                 font-weight="normal">
        <xsl:value-of select="$mark"/>
      </fo:inline>
      <fo:footnote-body>
        <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="1.5mm"
                       font-size="8.5pt" line-height="1.35" font-style="normal" font-weight="normal"
                       text-align="start" color="#000000" space-after="2pt" text-indent="0pt"
                       text-transform="none" text-decoration="none" letter-spacing="normal">
          <fo:list-item>
            <xsl:if test="not($app)">
              <xsl:call-template name="fo-id">
                <xsl:with-param name="id">
                  <xsl:call-template name="id-if-any"/>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <fo:list-item-label end-indent="label-end()">
              <fo:block font-family="{$sans}" font-weight="bold">
                <xsl:value-of select="$mark"/>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block>
                <xsl:choose>
                  <xsl:when test="$app">
                    <xsl:call-template name="app-entry"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="note-body"/>
                  </xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>

  <xsl:template name="w-noteref">
    <xsl:param name="number"/>
    <xsl:param name="mark"/>
    <xsl:call-template name="footnote">
      <xsl:with-param name="mark" select="$mark"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-app">
    <xsl:param name="number"/>
    <xsl:param name="mark"/>
    <xsl:param name="nodes"/>
    <xsl:param name="id"/>
    <fo:inline>
      <xsl:call-template name="fo-id">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:call-template name="inline-nodes">
        <xsl:with-param name="nodes" select="$nodes"/>
      </xsl:call-template>
    </fo:inline>
    <xsl:call-template name="footnote">
      <xsl:with-param name="mark" select="$mark"/>
      <xsl:with-param name="app" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-graphic">
    <xsl:param name="url"/>
    <xsl:param name="description"/>
    <fo:inline color="{$muted}">
      <xsl:value-of select="concat('[image', substring(concat(': ', $description), 1, 10000 * number($description != '')), ']')"/>
    </fo:inline>
  </xsl:template>

  <xsl:template name="w-anchor">
    <xsl:param name="id"/>
    <xsl:if test="$id != ''">
      <fo:inline id="{$id}"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-linebreak">
    <fo:block/>
  </xsl:template>

  <!-- The witnesses of the apparatus, before the index. -->
  <xsl:template name="witness-list">
    <fo:block font-family="{$sans}" font-size="11pt" font-weight="bold" space-before="16pt" space-after="4pt"
              keep-with-next.within-page="always">Witnesses</fo:block>
    <xsl:for-each select="$witnesses">
      <fo:block font-size="9pt" space-after="2pt">
        <fo:inline font-style="italic">
          <xsl:call-template name="sigla">
            <xsl:with-param name="pointers" select="concat('#', @xml:id)"/>
          </xsl:call-template>
        </fo:inline>
        <xsl:text> </xsl:text>
        <xsl:call-template name="witness-description"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================== -->
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
            <xsl:call-template name="name-label"/>
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
    <xsl:variable name="ids">
      <xsl:call-template name="shown-mention-ids">
        <xsl:with-param name="mentions" select="$mentions"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="list" select="normalize-space($ids)"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="first" select="substring-before(concat($list, ' '), ' ')"/>
      <xsl:variable name="count" select="string-length($list) - string-length(translate($list, ' ', '')) + 1"/>
      <xsl:text> — </xsl:text>
      <fo:basic-link internal-destination="{$first}" color="{$link}">
        <xsl:text>p. </xsl:text>
        <fo:page-number-citation ref-id="{$first}"/>
      </fo:basic-link>
      <xsl:if test="$count &gt; 1">
        <xsl:value-of select="concat(' (', $count, ' mentions)')"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
