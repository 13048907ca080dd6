<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 -> one self-contained HTML5 page: a reading edition.

  The page: a header with the document's facts (title, author, date in both
  calendars, source, licence, checksum), an optional table of contents, the
  text in <main> with its notes, the index of names in a <nav>, a footer.
  Inline CSS only, no scripts, no web fonts, no request leaves the page.

  Two modes carry the layout (see common/structure.xsl): "block" renders an
  element as flow content, "inline" as phrasing content. Inline templates
  never emit block-level HTML (they use <span class="block"> instead), so a
  <p> never contains anything that would end it early: the page parses
  without errors in HTML5's strict parsers.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- URL of an extra stylesheet to link after the built-in one; empty: none
       (the page then makes no request at all). -->
  <xsl:param name="css" select="''"/>
  <!-- Table of contents: auto (three or more headed divisions), 1 or 0. -->
  <xsl:param name="toc" select="'auto'"/>

  <xsl:variable name="show-toc" select="$toc = '1' or ($toc = 'auto' and count($headed-divisions) &gt;= 3)"/>

  <!-- ================================================================== -->
  <!-- The page                                                            -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$doc-lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="$doc-title"/>
          <xsl:if test="$doc-author != ''">
            <xsl:value-of select="concat(' — ', $doc-author)"/>
          </xsl:if>
        </title>
        <xsl:if test="$doc-author != ''">
          <meta name="author" content="{$doc-author}"/>
        </xsl:if>
        <meta name="generator" content="tei toolkit (transforms/html/tei-to-html.xsl)"/>
        <xsl:if test="$doc-checksum != ''">
          <meta name="tei-source-sha256" content="{$doc-checksum}"/>
        </xsl:if>
        <style>
          <xsl:call-template name="css"/>
        </style>
        <xsl:if test="normalize-space($css) != ''">
          <link rel="stylesheet" href="{normalize-space($css)}"/>
        </xsl:if>
      </head>
      <body>
        <xsl:text>&#10;</xsl:text>
        <a class="skip" href="#text">Skip to the text</a>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="masthead"/>
        <xsl:if test="$show-toc">
          <xsl:call-template name="toc"/>
        </xsl:if>
        <main id="text">
          <xsl:choose>
            <xsl:when test="$texts">
              <xsl:apply-templates select="$texts" mode="block"/>
            </xsl:when>
            <xsl:otherwise>
              <!-- Not TEI P5 (no TEI namespace): show its text all the same. -->
              <article class="tei-text">
                <xsl:apply-templates select="/*" mode="block"/>
              </article>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="notes-section"/>
        </main>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="$has-index">
          <xsl:call-template name="index-section"/>
        </xsl:if>
        <xsl:call-template name="page-footer"/>
      </body>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- id and lang of any element, and its class. -->
  <xsl:template name="attributes">
    <xsl:param name="class" select="''"/>
    <xsl:if test="@xml:id">
      <xsl:attribute name="id">
        <xsl:value-of select="@xml:id"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang">
        <xsl:value-of select="@xml:lang"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="normalize-space($class) != ''">
      <xsl:attribute name="class">
        <xsl:value-of select="normalize-space($class)"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- An element's content: its block children as blocks, else its inline
       content, wrapped in a <p> when $wrap says so. -->
  <xsl:template name="content">
    <xsl:param name="wrap" select="true()"/>
    <xsl:param name="container" select="false()"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1' or ($container and * and not(text()[normalize-space()]))">
        <xsl:apply-templates mode="block"/>
      </xsl:when>
      <xsl:when test="$wrap">
        <p>
          <xsl:apply-templates mode="inline"/>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Header panel, contents, footer                                      -->
  <!-- ================================================================== -->

  <xsl:template name="masthead">
    <header class="masthead">
      <h1>
        <xsl:value-of select="$doc-title"/>
      </h1>
      <xsl:if test="$doc-subtitle != ''">
        <p class="subtitle">
          <xsl:value-of select="$doc-subtitle"/>
        </p>
      </xsl:if>
      <xsl:if test="$doc-author != ''">
        <p class="byline">
          <xsl:value-of select="$doc-author"/>
        </p>
      </xsl:if>
      <xsl:if test="$header != '0' and $tei-header">
        <section class="facts" aria-labelledby="facts-title">
          <h2 id="facts-title" class="facts-title">About this document</h2>
          <dl>
            <xsl:if test="$doc-date">
              <div>
                <dt>Date</dt>
                <dd>
                  <xsl:variable name="when" select="string((($doc-date/descendant-or-self::tei:date)[@when])[1]/@when)"/>
                  <xsl:choose>
                    <xsl:when test="$when != '' and translate($when, '0123456789', '9999999999') = '9999-99-99'">
                      <time datetime="{$when}">
                        <xsl:value-of select="$doc-date-words"/>
                      </time>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:value-of select="$doc-date-words"/>
                    </xsl:otherwise>
                  </xsl:choose>
                </dd>
              </div>
            </xsl:if>
            <xsl:if test="$doc-sources">
              <div>
                <dt>Source</dt>
                <dd>
                  <xsl:for-each select="$doc-sources">
                    <p class="source">
                      <xsl:apply-templates select="." mode="meta"/>
                    </p>
                  </xsl:for-each>
                </dd>
              </div>
            </xsl:if>
            <xsl:if test="$doc-publishers[normalize-space()]">
              <div>
                <dt>Publisher</dt>
                <dd>
                  <xsl:for-each select="$doc-publishers[normalize-space()]">
                    <xsl:if test="position() &gt; 1">; </xsl:if>
                    <xsl:apply-templates select="." mode="meta"/>
                  </xsl:for-each>
                </dd>
              </div>
            </xsl:if>
            <xsl:if test="$licence-text != ''">
              <div>
                <dt>Licence</dt>
                <dd>
                  <xsl:variable name="target">
                    <xsl:call-template name="safe-target">
                      <xsl:with-param name="target" select="$doc-licence/@target"/>
                    </xsl:call-template>
                  </xsl:variable>
                  <xsl:choose>
                    <xsl:when test="$target != ''">
                      <a href="{$target}" rel="license">
                        <xsl:value-of select="$licence-text"/>
                      </a>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:value-of select="$licence-text"/>
                    </xsl:otherwise>
                  </xsl:choose>
                </dd>
              </div>
            </xsl:if>
            <xsl:if test="$doc-languages">
              <div>
                <dt>Language</dt>
                <dd>
                  <xsl:for-each select="$doc-languages">
                    <xsl:if test="position() &gt; 1">, </xsl:if>
                    <xsl:choose>
                      <xsl:when test="normalize-space(.) != ''">
                        <xsl:value-of select="normalize-space(.)"/>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:value-of select="@ident"/>
                      </xsl:otherwise>
                    </xsl:choose>
                  </xsl:for-each>
                </dd>
              </div>
            </xsl:if>
            <xsl:if test="normalize-space($encoding-words) != ''">
              <div>
                <dt>Encoding</dt>
                <dd>
                  <xsl:text>TEI P5; </xsl:text>
                  <xsl:value-of select="$encoding-words"/>
                </dd>
              </div>
            </xsl:if>
            <xsl:if test="$doc-checksum != ''">
              <div>
                <dt>SHA-256</dt>
                <dd>
                  <code class="checksum" title="SHA-256 checksum of the exact bytes that were encoded">
                    <xsl:value-of select="$doc-checksum"/>
                  </code>
                </dd>
              </div>
            </xsl:if>
          </dl>
          <xsl:if test="$doc-editorial//tei:p[normalize-space()]">
            <details>
              <summary>Editorial principles</summary>
              <xsl:for-each select="$doc-editorial//tei:p[normalize-space()]">
                <p>
                  <xsl:apply-templates mode="meta"/>
                </p>
              </xsl:for-each>
            </details>
          </xsl:if>
        </section>
      </xsl:if>
    </header>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="toc">
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">Contents</h2>
      <ol>
        <xsl:for-each select="$headed-divisions[not(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2
                              or self::tei:div3 or self::tei:div4 or self::tei:div5 or self::tei:div6
                              or self::tei:div7][tei:head])]">
          <xsl:call-template name="toc-entry"/>
        </xsl:for-each>
      </ol>
      <xsl:if test="$footnotes or $has-index">
        <p class="toc-extra">
          <xsl:if test="$footnotes">
            <a href="#notes-title">Notes</a>
          </xsl:if>
          <xsl:if test="$footnotes and $has-index"> · </xsl:if>
          <xsl:if test="$has-index">
            <a href="#index-title">Index of names</a>
          </xsl:if>
        </p>
      </xsl:if>
    </nav>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="toc-entry">
    <xsl:param name="depth" select="1"/>
    <xsl:variable name="id">
      <xsl:call-template name="section-id"/>
    </xsl:variable>
    <li>
      <a href="#{$id}">
        <xsl:value-of select="normalize-space(tei:head[1])"/>
      </a>
      <xsl:variable name="children"
          select="*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
                  or self::tei:div5 or self::tei:div6 or self::tei:div7][tei:head]"/>
      <xsl:if test="$children and $depth &lt; 2">
        <ol>
          <xsl:for-each select="$children">
            <xsl:call-template name="toc-entry">
              <xsl:with-param name="depth" select="$depth + 1"/>
            </xsl:call-template>
          </xsl:for-each>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template name="page-footer">
    <footer class="page-footer">
      <p>
        <xsl:text>Reading edition generated from TEI P5 by the tei toolkit.</xsl:text>
        <xsl:if test="$licence-text != ''">
          <xsl:text> Licence: </xsl:text>
          <xsl:value-of select="$licence-text"/>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </p>
      <xsl:if test="$doc-checksum != ''">
        <p>
          <xsl:text>SHA-256 of the encoded source: </xsl:text>
          <code class="checksum">
            <xsl:value-of select="$doc-checksum"/>
          </code>
        </p>
      </xsl:if>
    </footer>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Header facts (sourceDesc, publisher, editorial notes) as a line of text. -->
  <xsl:template match="tei:title" mode="meta">
    <cite>
      <xsl:apply-templates mode="meta"/>
    </cite>
  </xsl:template>

  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="meta">
    <xsl:variable name="target">
      <xsl:call-template name="safe-target">
        <xsl:with-param name="target" select="@target"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$target != ''">
        <a href="{$target}" class="url">
          <xsl:choose>
            <xsl:when test="normalize-space(.) != ''">
              <xsl:apply-templates mode="meta"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$target"/>
            </xsl:otherwise>
          </xsl:choose>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="meta"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:note" mode="meta">
    <span class="meta-note">
      <xsl:text>(</xsl:text>
      <xsl:apply-templates mode="meta"/>
      <xsl:text>)</xsl:text>
    </span>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Block mode: the structure of the text                               -->
  <!-- ================================================================== -->

  <xsl:template match="tei:text" mode="block">
    <article>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat('tei-text ', @type)"/>
      </xsl:call-template>
      <xsl:apply-templates mode="block"/>
    </article>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group" mode="block">
    <div>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="block"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7"
      mode="block">
    <xsl:choose>
      <xsl:when test="tei:head">
        <section class="{normalize-space(concat('div ', @type))}">
          <xsl:attribute name="id">
            <xsl:call-template name="section-id"/>
          </xsl:attribute>
          <xsl:if test="@xml:lang">
            <xsl:attribute name="lang">
              <xsl:value-of select="@xml:lang"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:apply-templates mode="block"/>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <div>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="concat('div ', @type)"/>
          </xsl:call-template>
          <xsl:apply-templates mode="block"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:head" mode="block">
    <xsl:variable name="division">
      <xsl:call-template name="is-division-head"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$division = '1'">
        <xsl:variable name="level">
          <xsl:call-template name="heading-level"/>
        </xsl:variable>
        <xsl:element name="{concat('h', $level)}">
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="concat('head ', @type)"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="concat('head ', @type)"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="block">
    <p>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="@type"/>
      </xsl:call-template>
      <xsl:call-template name="line-content"/>
    </p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Lines of a title page, opener, closer: a paragraph each. -->
  <xsl:template match="tei:titlePart | tei:docAuthor | tei:docDate | tei:docEdition | tei:docImprint | tei:byline
                       | tei:dateline | tei:salute | tei:signed | tei:trailer | tei:speaker | tei:addrLine
                       | tei:label | tei:bibl | tei:imprimatur | tei:meeting | tei:caption | tei:figDesc
                       | tei:docTitle/tei:title" mode="block">
    <p>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat(local-name(), ' ', @type)"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:titlePage | tei:docTitle | tei:opener | tei:closer | tei:postscript | tei:argument
                       | tei:epigraph | tei:sp | tei:castList | tei:listBibl | tei:address | tei:floatingText
                       | tei:lg | tei:cit | tei:figure" mode="block">
    <div>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat(local-name(), ' ', @type)"/>
      </xsl:call-template>
      <xsl:call-template name="content">
        <xsl:with-param name="container" select="true()"/>
      </xsl:call-template>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:l" mode="block">
    <div>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="'l'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said" mode="block">
    <blockquote>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat(local-name(), ' ', @type)"/>
      </xsl:call-template>
      <xsl:call-template name="content"/>
    </blockquote>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:stage" mode="block">
    <p>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat('stage ', @type)"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <!-- Lists: numbers and bullets that the source prints are labels, kept as
       text; only unlabelled ordered lists get numbers from the browser. -->
  <xsl:template match="tei:list" mode="block">
    <xsl:apply-templates select="tei:head" mode="block"/>
    <xsl:choose>
      <xsl:when test="@type = 'gloss' or (tei:label and not(@type = 'ordered') and not(@type = 'bulleted')
                      and not(tei:label[string-length(normalize-space()) &lt; 5][translate(normalize-space(), '0123456789.)([]ivxlcdmIVXLCDMabcdefghijklmnopqrstuvwxyz•*·–—-', '') = '']))">
        <dl>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="'list gloss'"/>
          </xsl:call-template>
          <xsl:for-each select="tei:item | tei:label[not(following-sibling::*[1][self::tei:item])]">
            <div>
              <dt>
                <xsl:apply-templates select="(preceding-sibling::*[1][self::tei:label] | self::tei:label)/node()" mode="inline"/>
              </dt>
              <dd>
                <xsl:if test="self::tei:item">
                  <xsl:call-template name="content">
                    <xsl:with-param name="wrap" select="false()"/>
                  </xsl:call-template>
                </xsl:if>
              </dd>
            </div>
          </xsl:for-each>
        </dl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element">
          <xsl:choose>
            <xsl:when test="tei:label">ul</xsl:when>
            <xsl:when test="@type = 'ordered' or contains(@rend, 'numbered')">ol</xsl:when>
            <xsl:otherwise>ul</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="concat('list ', @type, substring(' labelled', 1, 9 * number(boolean(tei:label))))"/>
          </xsl:call-template>
          <xsl:for-each select="tei:item | tei:label[not(following-sibling::*[1][self::tei:item])]">
            <li>
              <xsl:if test="@xml:id">
                <xsl:attribute name="id">
                  <xsl:value-of select="@xml:id"/>
                </xsl:attribute>
              </xsl:if>
              <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label] | self::tei:label"/>
              <xsl:if test="$label">
                <span class="label">
                  <xsl:apply-templates select="$label/node()" mode="inline"/>
                </span>
              </xsl:if>
              <xsl:if test="self::tei:item">
                <div class="item">
                  <xsl:call-template name="content">
                    <xsl:with-param name="wrap" select="false()"/>
                  </xsl:call-template>
                </div>
              </xsl:if>
            </li>
          </xsl:for-each>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="*[not(self::tei:item or self::tei:label or self::tei:head)]" mode="block"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:table" mode="block">
    <table>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="'table'"/>
      </xsl:call-template>
      <xsl:if test="tei:head">
        <caption>
          <xsl:apply-templates select="tei:head/node()" mode="inline"/>
        </caption>
      </xsl:if>
      <tbody>
        <xsl:for-each select="tei:row">
          <tr>
            <xsl:for-each select="tei:cell">
              <xsl:variable name="cell">
                <xsl:choose>
                  <xsl:when test="@role = 'label' or ../@role = 'label'">th</xsl:when>
                  <xsl:otherwise>td</xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:element name="{$cell}">
                <xsl:if test="number(@cols) &gt; 1">
                  <xsl:attribute name="colspan">
                    <xsl:value-of select="number(@cols)"/>
                  </xsl:attribute>
                </xsl:if>
                <xsl:if test="number(@rows) &gt; 1">
                  <xsl:attribute name="rowspan">
                    <xsl:value-of select="number(@rows)"/>
                  </xsl:attribute>
                </xsl:if>
                <xsl:call-template name="content">
                  <xsl:with-param name="wrap" select="false()"/>
                </xsl:call-template>
              </xsl:element>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    <xsl:apply-templates select="*[not(self::tei:row or self::tei:head)]" mode="block"/>
  </xsl:template>

  <!-- A note standing between paragraphs (the notes of an ELTeC back). -->
  <xsl:template match="tei:note" mode="block">
    <xsl:variable name="footnote">
      <xsl:call-template name="is-footnote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = '1'">
        <p>
          <xsl:apply-templates select="." mode="inline"/>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <div>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="concat('note-block ', @type)"/>
          </xsl:call-template>
          <xsl:if test="normalize-space(@n) != ''">
            <span class="note-mark">
              <xsl:value-of select="normalize-space(@n)"/>
            </span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="note-content"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:fw" mode="block">
    <xsl:if test="$show-furniture">
      <p>
        <xsl:call-template name="attributes">
          <xsl:with-param name="class" select="concat('fw fw-', @type)"/>
        </xsl:call-template>
        <xsl:call-template name="fw-title"/>
        <xsl:apply-templates mode="inline"/>
      </p>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb | tei:cb | tei:gb" mode="block">
    <xsl:if test="$show-furniture">
      <p class="pb-line">
        <xsl:apply-templates select="." mode="inline"/>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="block">
    <hr class="milestone">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id">
          <xsl:value-of select="@xml:id"/>
        </xsl:attribute>
      </xsl:if>
    </hr>
  </xsl:template>

  <xsl:template match="tei:lb | tei:anchor[not(@xml:id)]" mode="block"/>

  <xsl:template match="tei:gap" mode="block">
    <p class="gap-line">
      <xsl:apply-templates select="." mode="inline"/>
    </p>
  </xsl:template>

  <xsl:template match="text()" mode="block">
    <xsl:if test="normalize-space()">
      <xsl:value-of select="."/>
    </xsl:if>
  </xsl:template>

  <!-- Anything else in block mode: a container of blocks, or a paragraph of
       its inline rendering. Never nothing. -->
  <xsl:template match="*" mode="block">
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1'">
        <div>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="concat('tei-', local-name())"/>
          </xsl:call-template>
          <xsl:apply-templates mode="block"/>
        </div>
      </xsl:when>
      <xsl:when test="normalize-space() = '' and not(.//tei:gap or .//tei:pb or .//tei:milestone or .//tei:graphic)">
        <xsl:if test="@xml:id">
          <span id="{@xml:id}"></span>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <p class="{concat('tei-', local-name())}">
          <xsl:apply-templates select="." mode="inline"/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Inline mode: phrasing content only                                  -->
  <!-- ================================================================== -->

  <!-- A structural element inside a line (a list or verse in a paragraph):
       a span laid out as a block, so the paragraph stays one <p>. -->
  <xsl:template match="tei:p | tei:ab | tei:l | tei:lg | tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4
                       | tei:div5 | tei:div6 | tei:div7 | tei:floatingText | tei:sp | tei:castList | tei:listBibl
                       | tei:figure | tei:titlePage | tei:head | tei:item | tei:listPerson | tei:listPlace
                       | tei:listOrg | tei:row" mode="inline">
    <span>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat('block ', local-name(), ' ', @type)"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:list" mode="inline">
    <span>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat('block list ', @type)"/>
      </xsl:call-template>
      <xsl:for-each select="*">
        <xsl:choose>
          <xsl:when test="self::tei:label and following-sibling::*[1][self::tei:item]"/>
          <xsl:otherwise>
            <span class="block item">
              <xsl:if test="self::tei:item and preceding-sibling::*[1][self::tei:label]">
                <span class="label">
                  <xsl:apply-templates select="preceding-sibling::*[1]/node()" mode="inline"/>
                </span>
                <xsl:text> </xsl:text>
              </xsl:if>
              <xsl:apply-templates select="." mode="inline"/>
            </span>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="tei:table" mode="inline">
    <span class="block table">
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:cell" mode="inline">
    <xsl:if test="preceding-sibling::tei:cell">
      <xsl:text> | </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said | tei:cit | tei:epigraph | tei:opener | tei:closer
                       | tei:postscript | tei:argument | tei:address" mode="inline">
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <span>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat(local-name(), ' ', @type, substring(' block', 1, 6 * number($blocks = '1')))"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:hi" mode="inline">
    <xsl:variable name="rend" select="concat(' ', translate(normalize-space(concat(@rend, ' ', @rendition)), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ#', 'abcdefghijklmnopqrstuvwxyz '), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($rend, ' sup') or contains($rend, 'superscript')">
        <sup>
          <xsl:call-template name="attributes"/>
          <xsl:apply-templates mode="inline"/>
        </sup>
      </xsl:when>
      <xsl:when test="contains($rend, ' sub ') or contains($rend, 'subscript')">
        <sub>
          <xsl:call-template name="attributes"/>
          <xsl:apply-templates mode="inline"/>
        </sub>
      </xsl:when>
      <xsl:when test="contains($rend, 'bold') or contains($rend, ' b ') or contains($rend, 'strong')">
        <b>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="normalize-space($rend)"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </b>
      </xsl:when>
      <xsl:when test="contains($rend, 'smallcap') or contains($rend, ' sc ') or contains($rend, 'caps')
                      or contains($rend, 'underline') or contains($rend, ' u ') or contains($rend, 'strike')
                      or contains($rend, 'spaced') or contains($rend, 'roman') or contains($rend, 'normal')">
        <span>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="concat('hi ', normalize-space($rend))"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <i>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="normalize-space($rend)"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </i>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:emph" mode="inline">
    <em>
      <xsl:call-template name="attributes"/>
      <xsl:apply-templates mode="inline"/>
    </em>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:gloss[not(@type)]" mode="inline">
    <i>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </i>
  </xsl:template>

  <xsl:template match="tei:soCalled" mode="inline">
    <span>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="'so-called'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:title" mode="inline">
    <cite>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat('title ', @level, ' ', @type)"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </cite>
  </xsl:template>

  <xsl:template match="tei:bibl | tei:biblStruct" mode="inline">
    <span>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat('bibl ', @type)"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:stage" mode="inline">
    <span>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat('stage ', @type)"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:label | tei:speaker | tei:titlePart | tei:docAuthor | tei:docDate | tei:byline
                       | tei:dateline | tei:salute | tei:signed | tei:trailer | tei:addrLine" mode="inline">
    <span>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="concat(local-name(), ' ', @type)"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <!-- Is this inside something that is already a link? (<a> must not nest.) -->
  <xsl:template name="in-link">
    <xsl:if test="ancestor::tei:ref[@target] or ancestor::tei:ptr
                  or ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName
                                       or self::tei:name or self::tei:rs]">1</xsl:if>
  </xsl:template>

  <!-- A name or rs that says neither what it names nor where its entry is
       (ELTeC level 2 has thousands): just its words. -->
  <xsl:template match="tei:rs[not(@ref)][not(@type)][not(@xml:id)] | tei:name[not(@ref)][not(@type)][not(@xml:id)]"
      mode="inline">
    <xsl:apply-templates mode="words"/>
  </xsl:template>

  <!-- Names: styled by kind, linked to their index entry; a name the
       register did not know (@cert low, no @ref) is marked as uncertain. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs" mode="inline">
    <xsl:variable name="kind">
      <xsl:call-template name="name-kind"/>
    </xsl:variable>
    <xsl:variable name="entity">
      <xsl:call-template name="entity-id"/>
    </xsl:variable>
    <xsl:variable name="nested">
      <xsl:call-template name="in-link"/>
    </xsl:variable>
    <xsl:variable name="external">
      <xsl:if test="$entity = '' and @ref and not(starts-with(normalize-space(@ref), '#'))">
        <xsl:call-template name="safe-target">
          <xsl:with-param name="target" select="@ref"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="uncertain" select="not(@ref) and (@cert = 'low' or @cert = 'unknown' or @cert = 'medium')"/>
    <xsl:variable name="kind-label">
      <xsl:call-template name="kind-label">
        <xsl:with-param name="kind" select="$kind"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="class"
        select="normalize-space(concat('name ', $kind, substring(' uncertain', 1, 10 * number($uncertain))))"/>
    <xsl:variable name="indexed"
        select="$has-index and ($entity != '' or (not(@ref) and (self::tei:persName or self::tei:placeName or self::tei:orgName)))"/>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="$entity != ''">
          <xsl:for-each select="key('entity', $entity)">
            <xsl:value-of select="concat(translate(substring($kind-label, 1, 1), 'pon', 'PON'), substring($kind-label, 2), ': ')"/>
            <xsl:call-template name="entity-label"/>
            <xsl:variable name="dates">
              <xsl:call-template name="entity-dates"/>
            </xsl:variable>
            <xsl:if test="$dates != ''">
              <xsl:value-of select="concat(' (', $dates, ')')"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$uncertain">
          <xsl:value-of select="concat('Unidentified ', $kind-label, ' (not in the register)')"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$kind = '' and $entity = '' and $external = '' and not(@xml:id) and not(@xml:lang)">
        <xsl:apply-templates mode="inline"/>
      </xsl:when>
      <xsl:when test="$nested != '1' and ($entity != '' or $external != '')">
        <a class="{$class}">
          <xsl:attribute name="href">
            <xsl:choose>
              <xsl:when test="$entity != '' and $has-index">
                <xsl:value-of select="concat('#', $entity)"/>
              </xsl:when>
              <xsl:when test="$external != ''">
                <xsl:value-of select="$external"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:for-each select="key('entity', $entity)/tei:idno[1]">
                  <xsl:call-template name="authority-url"/>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:if test="$indexed">
            <xsl:attribute name="id">
              <xsl:call-template name="mention-id"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="@xml:lang">
            <xsl:attribute name="lang">
              <xsl:value-of select="@xml:lang"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="$title != ''">
            <xsl:attribute name="title">
              <xsl:value-of select="$title"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}">
          <xsl:if test="$indexed or @xml:id">
            <xsl:attribute name="id">
              <xsl:call-template name="mention-id"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="@xml:lang">
            <xsl:attribute name="lang">
              <xsl:value-of select="@xml:lang"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="$title != ''">
            <xsl:attribute name="title">
              <xsl:value-of select="$title"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Dates: both calendars on hover (title) and on keyboard focus (the
       focusable element shows its description; see the CSS). -->
  <xsl:template match="tei:date | tei:time" mode="inline">
    <xsl:variable name="description">
      <xsl:call-template name="date-description"/>
    </xsl:variable>
    <xsl:variable name="datetime">
      <xsl:call-template name="html-datetime"/>
    </xsl:variable>
    <xsl:variable name="calendar">
      <xsl:choose>
        <xsl:when test="contains(@calendar, 'julian') or contains(@calendar, 'Julian')"> julian</xsl:when>
        <xsl:when test="contains($description, '(Julian)')"> dual</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($description) = ''">
        <span>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="'date'"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:when>
      <xsl:when test="$datetime != ''">
        <time datetime="{$datetime}" tabindex="0" title="{normalize-space($description)}" class="date{$calendar}">
          <xsl:call-template name="attributes"/>
          <xsl:apply-templates mode="inline"/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span tabindex="0" title="{normalize-space($description)}" class="date{$calendar}">
          <xsl:call-template name="attributes"/>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ref | tei:ptr" mode="inline">
    <xsl:variable name="target">
      <xsl:call-template name="safe-target">
        <xsl:with-param name="target" select="@target"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="nested">
      <xsl:if test="ancestor::tei:ref[@target] or ancestor::tei:ptr
                    or ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName
                                         or self::tei:name or self::tei:rs]">1</xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$target != '' and $nested != '1'">
        <a href="{$target}">
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="concat('ref ', @type)"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="self::tei:ptr or normalize-space(.) = ''">
              <xsl:value-of select="$target"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates mode="inline"/>
            </xsl:otherwise>
          </xsl:choose>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="'ref'"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Footnotes: a numbered mark here, the text in the Notes section. -->
  <xsl:template match="tei:note" mode="inline">
    <xsl:variable name="footnote">
      <xsl:call-template name="is-footnote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = '1'">
        <xsl:variable name="number">
          <xsl:call-template name="footnote-number"/>
        </xsl:variable>
        <xsl:variable name="mark">
          <xsl:call-template name="footnote-mark"/>
        </xsl:variable>
        <xsl:variable name="nested">
          <xsl:call-template name="in-link"/>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$nested = '1'">
            <sup class="noteref" id="fnref.{$number}">
              <xsl:value-of select="$mark"/>
            </sup>
          </xsl:when>
          <xsl:otherwise>
            <a class="noteref" id="fnref.{$number}" href="#fn.{$number}" role="doc-noteref"
               aria-label="Note {$mark}">
              <sup>
                <xsl:value-of select="$mark"/>
              </sup>
            </a>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="attributes">
            <xsl:with-param name="class" select="'block note-block'"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-content">
    <xsl:variable name="missing">
      <xsl:call-template name="is-missing-note"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$missing = '1'">
        <span class="gap-note">note text not in source</span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="content">
          <xsl:with-param name="wrap" select="false()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:choose>
      <xsl:when test="@reason = 'not-in-source' and ancestor::tei:note">
        <span class="gap-note">note text not in source</span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="description" select="normalize-space(concat(
            'Gap in the text', substring(concat(': ', @reason), 1, 1000 * number(boolean(@reason))),
            substring(concat(', ', @quantity, ' ', @unit), 1, 1000 * number(boolean(@quantity))),
            substring(concat(', ', @extent), 1, 1000 * number(boolean(@extent))), ' ', tei:desc))"/>
        <span class="gap" title="{$description}">
          <xsl:call-template name="attributes"/>
          <xsl:text>[…]</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="inline">
    <span title="Supplied by the editor">
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="'supplied'"/>
      </xsl:call-template>
      <xsl:text>[</xsl:text>
      <xsl:apply-templates mode="inline"/>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="inline">
    <span title="Unclear in the source">
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="'unclear'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:del" mode="inline">
    <del>
      <xsl:call-template name="attributes"/>
      <xsl:apply-templates mode="inline"/>
    </del>
  </xsl:template>

  <xsl:template match="tei:add" mode="inline">
    <ins>
      <xsl:call-template name="attributes">
        <xsl:with-param name="class" select="'add'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </ins>
  </xsl:template>

  <!-- choice: the source's reading in the text, the editor's in brackets or
       on hover. -->
  <xsl:template match="tei:choice" mode="inline">
    <xsl:variable name="source" select="(tei:sic | tei:orig | tei:abbr)[1]"/>
    <xsl:variable name="editor" select="(tei:corr | tei:reg | tei:expan)[1]"/>
    <xsl:choose>
      <xsl:when test="$source and $editor">
        <span class="choice">
          <xsl:call-template name="attributes"/>
          <xsl:apply-templates select="$source" mode="inline"/>
          <xsl:if test="$editor/self::tei:corr">
            <span class="corr" title="Editorial correction">
              <xsl:text> [</xsl:text>
              <xsl:apply-templates select="$editor/node()" mode="inline"/>
              <xsl:text>]</xsl:text>
            </span>
          </xsl:if>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*" mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:sic" mode="inline">
    <span class="sic" title="As printed in the source">
      <xsl:call-template name="attributes"/>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:abbr | tei:orig" mode="inline">
    <xsl:variable name="other" select="(../tei:expan | ../tei:reg)[parent::tei:choice][1]"/>
    <xsl:choose>
      <xsl:when test="self::tei:abbr">
        <abbr>
          <xsl:if test="$other">
            <xsl:attribute name="title">
              <xsl:value-of select="normalize-space($other)"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </abbr>
      </xsl:when>
      <xsl:otherwise>
        <span class="orig">
          <xsl:if test="$other">
            <xsl:attribute name="title">
              <xsl:value-of select="concat('Regularised: ', normalize-space($other))"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:corr | tei:reg | tei:expan" mode="inline">
    <span class="{local-name()}">
      <xsl:call-template name="attributes"/>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <!-- Furniture: visible but quiet; the title says what it is. -->
  <xsl:template name="fw-title">
    <xsl:attribute name="title">
      <xsl:text>Page furniture</xsl:text>
      <xsl:if test="@type">
        <xsl:value-of select="concat(' (', @type, ')')"/>
      </xsl:if>
      <xsl:text>, not part of the text</xsl:text>
    </xsl:attribute>
  </xsl:template>

  <xsl:template match="tei:fw" mode="inline">
    <xsl:if test="$show-furniture">
      <!-- Spaces around it, so that a copied text does not glue its words to
           the text's ("facilitateSource:"). -->
      <xsl:text> </xsl:text>
      <span>
        <xsl:call-template name="attributes">
          <xsl:with-param name="class" select="concat('fw fw-', @type)"/>
        </xsl:call-template>
        <xsl:call-template name="fw-title"/>
        <xsl:apply-templates mode="inline"/>
      </span>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:if test="$show-furniture">
      <xsl:if test="not(@break = 'no')">
        <xsl:text> </xsl:text>
      </xsl:if>
      <span class="pb" role="separator" aria-label="{concat('Page break', substring(concat(', page ', @n), 1, 1000 * number(normalize-space(@n) != '')))}">
        <xsl:if test="@xml:id">
          <xsl:attribute name="id">
            <xsl:value-of select="@xml:id"/>
          </xsl:attribute>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="normalize-space(@n) != ''">
            <xsl:value-of select="concat('p. ', normalize-space(@n))"/>
          </xsl:when>
          <xsl:otherwise>page break</xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:if test="not(@break = 'no')">
        <xsl:text> </xsl:text>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:cb | tei:gb" mode="inline">
    <xsl:if test="@xml:id">
      <span id="{@xml:id}"></span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:if test="not(@break = 'no')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="inline">
    <span class="milestone" role="separator">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id">
          <xsl:value-of select="@xml:id"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:text>⁂</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:anchor" mode="inline">
    <xsl:if test="@xml:id">
      <span id="{@xml:id}"></span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:graphic | tei:media" mode="inline">
    <!-- No image is loaded: the page makes no request. -->
    <span class="graphic" title="Image in the source: {@url}">[image]</span>
  </xsl:template>

  <xsl:template match="tei:figDesc | tei:caption" mode="inline">
    <span class="{local-name()}">
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <!-- Any other element inline: its content (with its id and language). -->
  <xsl:template match="*" mode="inline">
    <xsl:choose>
      <xsl:when test="@xml:id or @xml:lang">
        <span>
          <xsl:call-template name="attributes"/>
          <xsl:apply-templates mode="inline"/>
        </span>
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
        <span>
          <xsl:call-template name="attributes"/>
          <xsl:apply-templates mode="words"/>
        </span>
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
        <span>
          <xsl:call-template name="attributes"/>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Notes and index                                                     -->
  <!-- ================================================================== -->

  <xsl:template name="notes-section">
    <xsl:variable name="notes" select="$footnotes"/>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        <ol class="notes-list">
          <xsl:for-each select="$notes">
            <xsl:variable name="mark">
              <xsl:call-template name="footnote-mark"/>
            </xsl:variable>
            <li id="fn.{position()}">
              <a class="note-back" href="#fnref.{position()}" aria-label="Back to note {$mark} in the text">
                <xsl:value-of select="$mark"/>
              </a>
              <xsl:text> </xsl:text>
              <div class="note-text">
                <xsl:if test="@xml:id">
                  <span id="{@xml:id}"></span>
                </xsl:if>
                <xsl:call-template name="note-content"/>
              </div>
            </li>
          </xsl:for-each>
        </ol>
      </section>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="index-section">
    <nav class="index" aria-labelledby="index-title">
      <h2 id="index-title">Index of names</h2>
      <p class="index-key">
        <xsl:text>In the text, </xsl:text>
        <span class="name person">persons</span>
        <xsl:text>, </xsl:text>
        <span class="name place">places</span>
        <xsl:text> and </xsl:text>
        <span class="name org">organisations</span>
        <xsl:text> are marked by colour and link here; </xsl:text>
        <span class="name uncertain">a dotted underline</span>
        <xsl:text> marks a name that the register does not identify.</xsl:text>
      </p>
      <xsl:call-template name="index-group">
        <xsl:with-param name="entries" select="$index-persons"/>
        <xsl:with-param name="kind" select="'person'"/>
        <xsl:with-param name="title" select="'Persons'"/>
      </xsl:call-template>
      <xsl:call-template name="index-group">
        <xsl:with-param name="entries" select="$index-places"/>
        <xsl:with-param name="kind" select="'place'"/>
        <xsl:with-param name="title" select="'Places'"/>
      </xsl:call-template>
      <xsl:call-template name="index-group">
        <xsl:with-param name="entries" select="$index-orgs"/>
        <xsl:with-param name="kind" select="'org'"/>
        <xsl:with-param name="title" select="'Organisations'"/>
      </xsl:call-template>
      <xsl:if test="$unidentified-groups">
        <section aria-labelledby="index-unidentified">
          <h3 id="index-unidentified">Unidentified names</h3>
          <p class="index-hint">Recognised in the text but not found in the register: the identification is uncertain.</p>
          <ul class="index-list">
            <xsl:for-each select="$unidentified-groups">
              <xsl:sort select="normalize-space(.)"/>
              <xsl:variable name="kind">
                <xsl:call-template name="name-kind"/>
              </xsl:variable>
              <li>
                <span class="index-name name {$kind} uncertain">
                  <xsl:value-of select="normalize-space(.)"/>
                </span>
                <xsl:text> </xsl:text>
                <span class="index-kind">
                  <xsl:call-template name="kind-label">
                    <xsl:with-param name="kind" select="$kind"/>
                  </xsl:call-template>
                </span>
                <xsl:call-template name="mention-links">
                  <xsl:with-param name="mentions" select="key('unidentified', concat(local-name(), '|', normalize-space(.)))"/>
                  <xsl:with-param name="label" select="normalize-space(.)"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:if>
    </nav>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="index-group">
    <xsl:param name="entries"/>
    <xsl:param name="kind"/>
    <xsl:param name="title"/>
    <xsl:if test="$entries">
      <section aria-labelledby="index-{$kind}">
        <h3 id="index-{$kind}">
          <xsl:value-of select="$title"/>
        </h3>
        <ul class="index-list">
          <xsl:for-each select="$entries">
            <xsl:sort select="normalize-space((tei:persName/tei:surname | *[self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name][not(@type) or @type = 'standard' or @type = 'main' or @type = 'preferred' or @type = 'full'])[1])"/>
            <xsl:variable name="label">
              <xsl:call-template name="entity-label"/>
            </xsl:variable>
            <li>
              <xsl:if test="@xml:id">
                <xsl:attribute name="id">
                  <xsl:value-of select="@xml:id"/>
                </xsl:attribute>
              </xsl:if>
              <span class="index-name name {$kind}">
                <xsl:value-of select="$label"/>
              </span>
              <xsl:variable name="dates">
                <xsl:call-template name="entity-dates"/>
              </xsl:variable>
              <xsl:if test="$dates != ''">
                <xsl:text> </xsl:text>
                <span class="index-dates">
                  <xsl:value-of select="concat('(', $dates, ')')"/>
                </span>
              </xsl:if>
              <xsl:variable name="note">
                <xsl:call-template name="entity-note"/>
              </xsl:variable>
              <xsl:if test="$note != ''">
                <xsl:text> </xsl:text>
                <span class="index-note">
                  <xsl:value-of select="$note"/>
                </span>
              </xsl:if>
              <xsl:for-each select="tei:idno">
                <xsl:variable name="url">
                  <xsl:call-template name="authority-url"/>
                </xsl:variable>
                <xsl:variable name="authority">
                  <xsl:call-template name="authority-label"/>
                </xsl:variable>
                <xsl:variable name="value">
                  <xsl:call-template name="authority-value"/>
                </xsl:variable>
                <xsl:text> </xsl:text>
                <xsl:choose>
                  <xsl:when test="$url != ''">
                    <a class="authority" href="{$url}">
                      <xsl:value-of select="concat($authority, ' ', $value)"/>
                    </a>
                  </xsl:when>
                  <xsl:otherwise>
                    <span class="authority">
                      <xsl:value-of select="concat($authority, ' ', $value)"/>
                    </span>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
              <xsl:if test="@xml:id">
                <xsl:call-template name="mention-links">
                  <xsl:with-param name="mentions" select="key('mentions', @xml:id)"/>
                  <xsl:with-param name="label" select="$label"/>
                </xsl:call-template>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- "↑ 1 2 3": links back to each mention in the text. -->
  <xsl:template name="mention-links">
    <xsl:param name="mentions"/>
    <xsl:param name="label"/>
    <xsl:if test="$mentions">
      <xsl:text> </xsl:text>
      <span class="mentions">
        <span class="mentions-label">In the text:</span>
        <xsl:for-each select="$mentions">
          <xsl:text> </xsl:text>
          <a aria-label="{concat($label, ', mention ', position())}">
            <xsl:attribute name="href">
              <xsl:text>#</xsl:text>
              <xsl:call-template name="mention-id"/>
            </xsl:attribute>
            <xsl:value-of select="position()"/>
          </a>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Style                                                               -->
  <!-- ================================================================== -->

  <!-- Colours are chosen for a contrast of at least 4.5:1 (most well above
       7:1) against their background, in light and dark schemes. -->
  <xsl:template name="css">
:root{--bg:#fbfaf7;--fg:#1f1f1f;--muted:#595959;--panel:#f1eee6;--rule:#cfc9bb;--link:#1b4f8f;--person:#8b1e3f;--place:#1d5e3b;--org:#47398c;--focus:#b34700;--tip-bg:#1f1f1f;--tip-fg:#fbfaf7;--serif:"Noto Serif","DejaVu Serif",Georgia,"Times New Roman",serif;--sans:"Noto Sans","DejaVu Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--mono:"Noto Sans Mono","DejaVu Sans Mono",Menlo,Consolas,monospace}
@media (prefers-color-scheme:dark){:root{--bg:#18181a;--fg:#e8e6e1;--muted:#b3b0a8;--panel:#242428;--rule:#46443f;--link:#9cc3ff;--person:#f4a7bc;--place:#92d8a9;--org:#c5b8ff;--focus:#ffb35c;--tip-bg:#e8e6e1;--tip-fg:#18181a}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.65 var(--serif);font-kerning:normal;overflow-wrap:break-word}
.masthead,main,nav,.page-footer{max-width:46rem;margin:0 auto;padding:0 1.25rem}
.skip{position:absolute;left:-10000px;top:auto}
.skip:focus{left:1rem;top:1rem;z-index:9;background:var(--bg);padding:.5rem .75rem;border:2px solid var(--focus)}
a{color:var(--link);text-underline-offset:.15em}
:focus{outline:3px solid var(--focus);outline-offset:2px}
:focus:not(:focus-visible){outline:none}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
h1,h2,h3,h4,h5,h6{font-family:var(--sans);line-height:1.25;font-weight:650;margin:2rem 0 .75rem}
h1{font-size:clamp(1.6rem,4.5vw,2.25rem);margin:2.5rem 0 .5rem;letter-spacing:-.01em}
h2{font-size:1.35rem}h3{font-size:1.15rem}h4,h5,h6{font-size:1rem}
.masthead{padding-bottom:.5rem}
.subtitle{font-size:1.15rem;margin:.25rem 0}
.byline{font-size:1.15rem;font-style:italic;margin:.25rem 0 1.25rem}
.facts{background:var(--panel);border:1px solid var(--rule);border-radius:10px;padding:.9rem 1.1rem 1rem;font:.9375rem/1.5 var(--sans);margin:0 0 2rem}
.facts-title{font-size:.8125rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0 0 .6rem}
.facts dl{margin:0}
.facts dl>div{display:grid;grid-template-columns:7.5rem 1fr;gap:.1rem 1rem;padding:.3rem 0;border-top:1px solid var(--rule)}
.facts dl>div:first-child{border-top:0}
.facts dt{font-weight:600;color:var(--muted)}
.facts dd{margin:0;min-width:0}
.facts .source{margin:0 0 .25rem}
.facts details{margin-top:.6rem;border-top:1px solid var(--rule);padding-top:.5rem}
.facts summary{cursor:pointer;font-weight:600;color:var(--muted)}
.facts details p{margin:.5rem 0}
.meta-note{color:var(--muted)}
.checksum,code{font-family:var(--mono);font-size:.8125rem;word-break:break-all}
.toc{font-family:var(--sans);font-size:.9375rem;margin-bottom:1.5rem}
.toc::before,.toc::after{content:"";display:block;border-top:1px solid var(--rule)}
.toc::after{margin-top:.75rem}
.toc h2{font-size:1rem;margin:1rem 0 .5rem}
.toc ol{margin:0;padding-left:1.25rem}.toc li{margin:.15rem 0}
.toc-extra{margin:.5rem 0 0}
main{padding-bottom:2rem}
main p{margin:0 0 1em;hyphens:auto}
.front{margin:0 0 2.5rem;text-align:center}
.front .docTitle,.front .titlePage{margin:0 0 1rem}
.titlePart{font-size:1.35rem;font-weight:600;margin:0 0 .4rem;line-height:1.3}
.titlePart.desc,.titlePart.sub,.titlePart.alt{font-size:1.05rem;font-weight:400;font-style:italic}
.docAuthor{font-variant:small-caps;letter-spacing:.04em;font-size:1.1rem;margin:.25rem 0}
.docDate,.docImprint,.byline{margin:.25rem 0}
.front .div{text-align:left}
.front .div.titlepage,.front .titlePage{text-align:center}
.opener,.closer{margin:1rem 0 1.5rem}
.dateline{text-align:right;font-style:italic}
.salute{margin:1rem 0}
.signed{text-align:right;font-variant:small-caps}
.opener .bibl,.back .bibl,.bibl.citation{font-size:.9375rem;color:var(--muted)}
main p.bibl{margin:0 0 1em}
.trailer{text-align:center;font-variant:small-caps;margin:2rem 0}
section.div{margin-top:2rem}
.head{text-wrap:balance}
p.head{font-weight:600;margin:1rem 0 .5rem}
blockquote{margin:1rem 0 1rem 1.5rem;padding-left:1rem;border-left:3px solid var(--rule)}
.lg{margin:1rem 0 1rem 1.5rem}.l{padding-left:2em;text-indent:-2em}
.epigraph{margin:1rem 0 1.5rem 30%;font-size:.95rem}
.cit{margin:1rem 0}
.list{margin:0 0 1em}
ul.labelled{list-style:none;padding-left:0}
ul.labelled>li{display:grid;grid-template-columns:2.25rem 1fr;gap:.25rem;margin:0 0 .6em}
ul.labelled>li>.label{text-align:right;padding-right:.35rem;font-variant-numeric:tabular-nums}
.item>p:last-child{margin-bottom:0}
dl.gloss>div{margin:0 0 .5rem}dl.gloss dt{font-weight:600}dl.gloss dd{margin:0 0 0 1.5rem}
.block{display:block;margin:.4rem 0}
span.block.item,span.block.l{margin:0}
table.table{border-collapse:collapse;margin:1rem 0;font-size:.95rem}
table.table td,table.table th{border:1px solid var(--rule);padding:.25rem .5rem;vertical-align:top;text-align:left}
.name{text-decoration-line:underline;text-decoration-thickness:1px;text-underline-offset:.2em}
.name.person{color:var(--person)}
.name.place{color:var(--place)}
.name.org{color:var(--org)}
a.name{text-decoration-style:solid}
a.name:hover{text-decoration-thickness:2px}
.name.uncertain{text-decoration-style:dotted;text-decoration-thickness:2px}
.name.uncertain::after{content:"?";font-size:.7em;vertical-align:super;line-height:0;color:var(--muted);margin-left:.05em}
.date{position:relative;text-decoration:underline dotted var(--muted);text-underline-offset:.2em;cursor:help}
.date[tabindex]:focus::after,.date[tabindex]:focus-visible::after{content:attr(title);position:absolute;left:0;top:calc(100% + .3rem);z-index:5;width:max-content;max-width:min(20rem,80vw);background:var(--tip-bg);color:var(--tip-fg);font:500 .8125rem/1.35 var(--sans);padding:.35rem .55rem;border-radius:5px;white-space:normal;text-indent:0;text-align:left;font-style:normal}
.noteref{text-decoration:none;font-family:var(--sans);font-size:.75em;line-height:0;padding:0 .1em}
.noteref sup{vertical-align:super;font-size:1em}
.gap,.gap-note{color:var(--muted);font-style:italic}
.gap-note{font-family:var(--sans);font-size:.875em}
.supplied{color:inherit}
.stage{font-style:italic}
.sic{text-decoration:underline wavy var(--muted);text-decoration-thickness:1px}
.corr{color:var(--muted)}
.unclear{text-decoration:underline dotted var(--muted)}
.add{text-decoration:none;border-bottom:1px solid var(--rule)}
.so-called::before{content:"‘"}.so-called::after{content:"’"}
.hi.smallcaps,.hi.sc,.hi.small-caps{font-variant:small-caps}
.hi.underline,.hi.u{text-decoration:underline}
.hi.strikethrough,.hi.strike{text-decoration:line-through}
.hi.spaced{letter-spacing:.12em}
.fw{font:.75rem/1.3 var(--sans);color:var(--muted);border:1px dashed var(--rule);border-radius:4px;padding:.05rem .4rem;margin:0 .25rem;white-space:normal;font-style:normal}
p.fw{display:table;margin:1rem 0}
.pb{font:.6875rem/1 var(--sans);color:var(--muted);border:1px solid var(--rule);border-radius:3px;padding:.1rem .3rem;margin:0 .2rem;white-space:nowrap;vertical-align:.1em;font-style:normal}
p.pb-line{margin:.5rem 0}
hr.milestone{border:0;text-align:center;margin:1.5rem 0}
hr.milestone::after{content:"⁂";color:var(--muted)}
.milestone{color:var(--muted)}
.note-block{font-size:.9375rem;margin:0 0 1rem}
.note-mark{font-family:var(--sans);font-weight:600}
.notes{border-top:1px solid var(--rule);margin-top:2.5rem;font-size:.9375rem;font-family:var(--sans)}
.notes-list{list-style:none;padding:0}
.notes-list>li{display:grid;grid-template-columns:2rem 1fr;gap:.25rem;margin:0 0 .6rem}
.note-back{font-family:var(--sans);font-weight:600;text-decoration:none}
.note-text>p:last-child{margin-bottom:0}
.index{font-family:var(--sans);font-size:.9375rem;padding-bottom:1.5rem}
.index::before{content:"";display:block;border-top:1px solid var(--rule);margin-top:1rem}
.index h3{font-size:1rem;margin:1.25rem 0 .5rem;color:var(--muted);text-transform:uppercase;letter-spacing:.06em}
.index-key,.index-hint{color:var(--muted);margin:.5rem 0}
.index-key .name{color:inherit}
.index-key .name.person{color:var(--person)}.index-key .name.place{color:var(--place)}.index-key .name.org{color:var(--org)}
.index-list{list-style:none;padding:0;margin:0}
.index-list>li{padding:.35rem 0;border-top:1px solid var(--rule)}
.index-name{font-weight:600;text-decoration:none}
.index-dates,.index-kind,.index-note,.mentions-label{color:var(--muted)}
.authority{font-size:.8125rem;border:1px solid var(--rule);border-radius:3px;padding:0 .3rem;margin-left:.2rem;white-space:nowrap}
.mentions{display:block;font-size:.875rem}
.mentions a{display:inline-block;min-width:1.75em;padding:.1rem 0;text-align:center}
.page-footer{font:.8125rem/1.5 var(--sans);color:var(--muted);border-top:1px solid var(--rule);padding-top:.75rem;padding-bottom:2.5rem}
.page-footer p{margin:.25rem 0}
@media (max-width:40rem){body{font-size:1rem;line-height:1.6}.masthead,main,nav,.page-footer{padding:0 1rem}.facts dl>div{grid-template-columns:1fr}.lg,blockquote{margin-left:.5rem}.epigraph{margin-left:10%}ul.labelled>li{grid-template-columns:2rem 1fr}}
@media print{body{background:#fff;color:#000;font-size:11pt}.skip,.toc{display:none}a{color:inherit;text-decoration:none}.facts{border-color:#999}.name.uncertain::after{content:""}}
</xsl:template>

</xsl:stylesheet>
