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

  <!-- The browser shows MathML as it is (warnings.xsl need not say anything). -->
  <xsl:variable name="w-mathml" select="true()"/>

  <xsl:variable name="show-toc" select="$toc = '1' or ($toc = 'auto' and count($headed-divisions) &gt;= 3)"/>

  <!-- ================================================================== -->
  <!-- The page                                                            -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <xsl:call-template name="document-warnings"/>
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
          <xsl:call-template name="apparatus-section"/>
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
        <xsl:for-each select="$toc-top">
          <xsl:call-template name="toc-entry"/>
        </xsl:for-each>
      </ol>
      <xsl:if test="$footnotes or $app-entries or $has-index">
        <p class="toc-extra">
          <xsl:if test="$footnotes">
            <a href="#notes-title">Notes</a>
          </xsl:if>
          <xsl:if test="$footnotes and $app-entries"> · </xsl:if>
          <xsl:if test="$app-entries">
            <a href="#apparatus-title">Apparatus</a>
          </xsl:if>
          <xsl:if test="($footnotes or $app-entries) and $has-index"> · </xsl:if>
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
        <xsl:call-template name="heading-text"/>
      </a>
      <xsl:variable name="children"
          select="(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7)[tei:head]"/>
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
        <xsl:value-of select="substring('Reading editionDiplomatic edition', 1 + 15 * number($diplomatic), 15 + 3 * number($diplomatic))"/>
        <xsl:text> generated from TEI P5 by the tei toolkit.</xsl:text>
        <xsl:if test="$licence-text != ''">
          <xsl:text> Licence: </xsl:text>
          <xsl:value-of select="$licence-text"/>
          <xsl:if test="substring($licence-text, string-length($licence-text)) != '.'">.</xsl:if>
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
  <!-- Block and inline primitives (common/writer.xsl)                     -->
  <!-- ================================================================== -->

  <!-- id, lang, class, title and style of the element being written; empty values are left out. -->
  <xsl:template name="html-attrs">
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="class"/>
    <xsl:param name="title"/>
    <xsl:param name="style"/>
    <xsl:if test="normalize-space($id) != ''">
      <xsl:attribute name="id">
        <xsl:value-of select="normalize-space($id)"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="normalize-space($lang) != ''">
      <xsl:attribute name="lang">
        <xsl:value-of select="normalize-space($lang)"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="normalize-space($class) != ''">
      <xsl:attribute name="class">
        <xsl:value-of select="normalize-space($class)"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="normalize-space($title) != ''">
      <xsl:attribute name="title">
        <xsl:value-of select="normalize-space($title)"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="normalize-space($style) != ''">
      <xsl:attribute name="style">
        <xsl:value-of select="normalize-space($style)"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The classes of rendition tokens ("italic smallcaps"); colours go to style. -->
  <xsl:template name="token-classes">
    <xsl:param name="tokens"/>
    <xsl:variable name="list" select="normalize-space($tokens)"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="first" select="substring-before(concat($list, ' '), ' ')"/>
      <xsl:if test="not(starts-with($first, 'color:'))">
        <xsl:value-of select="concat(' ', $first)"/>
      </xsl:if>
      <xsl:call-template name="token-classes">
        <xsl:with-param name="tokens" select="substring-after($list, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="token-style">
    <xsl:param name="tokens"/>
    <xsl:param name="css"/>
    <xsl:variable name="colour">
      <xsl:call-template name="token-colour">
        <xsl:with-param name="tokens" select="$tokens"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="$colour != '' and not(contains($css, 'color'))">
      <xsl:value-of select="concat('color:', $colour, ';')"/>
    </xsl:if>
    <xsl:value-of select="$css"/>
  </xsl:template>

  <xsl:template name="w-container">
    <xsl:param name="path"/>
    <xsl:param name="kind"/>
    <xsl:param name="class"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="$inline">span</xsl:when>
        <xsl:when test="$kind = 'text'">article</xsl:when>
        <xsl:when test="$kind = 'section'">section</xsl:when>
        <xsl:otherwise>div</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="lang" select="@xml:lang"/>
        <xsl:with-param name="class">
          <xsl:if test="$inline">block </xsl:if>
          <xsl:choose>
            <xsl:when test="$kind = 'text'">tei-text</xsl:when>
            <xsl:when test="$kind = 'section' or $kind = 'division'">div</xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$kind"/>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="concat(' ', $class)"/>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="block-children"><xsl:with-param name="nodes" select="$nodes"/><xsl:with-param name="inline" select="$inline"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
    </xsl:element>
    <xsl:if test="not($inline)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-heading">
    <xsl:param name="level"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <xsl:element name="{concat('h', $level)}">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="lang" select="@xml:lang[$text = '']"/>
        <xsl:with-param name="class" select="concat('head ', @type[$text = ''])"/>
      </xsl:call-template>
      <xsl:value-of select="$text"/>
      <xsl:if test="$text = ''">
        <xsl:call-template name="inline-nodes"/>
      </xsl:if>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="w-p">
    <xsl:param name="id"/>
    <p id="{$id}">
      <xsl:apply-templates mode="inline"/>
    </p>
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
    <xsl:choose>
      <xsl:when test="$role = 'p' and not($inline) and $tokens = ' ' and $css = '' and $lang = '' and not(@type)">
        <!-- The commonest case, written without the general machinery. -->
        <p id="{$id}">
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$nodes"/>
          </xsl:call-template>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="html-para">
          <xsl:with-param name="role" select="$role"/>
          <xsl:with-param name="align" select="$align"/>
          <xsl:with-param name="tokens" select="$tokens"/>
          <xsl:with-param name="css" select="$css"/>
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="lang" select="$lang"/>
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="inline" select="$inline"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="html-para">
    <xsl:param name="role"/>
    <xsl:param name="align"/>
    <xsl:param name="tokens"/>
    <xsl:param name="css"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="nodes"/>
    <xsl:param name="inline"/>
    <xsl:element name="{substring('pspan', 1 + number(boolean($inline)), 1 + 3 * number(boolean($inline)))}">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="class">
          <xsl:if test="$inline">block </xsl:if>
          <xsl:if test="$role != 'p'">
            <xsl:value-of select="$role"/>
          </xsl:if>
          <xsl:value-of select="concat(' ', @type[$role != 'other' and $role != 'text'])"/>
          <xsl:if test="$align = 'center' or $align = 'end'">
            <xsl:value-of select="concat(' align-', $align)"/>
          </xsl:if>
          <xsl:if test="$role = 'fw'">
            <xsl:value-of select="concat(' fw-', @type)"/>
          </xsl:if>
          <xsl:call-template name="token-classes">
            <xsl:with-param name="tokens" select="$tokens"/>
          </xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="title">
          <xsl:if test="$role = 'fw'">
            <xsl:value-of select="concat('Page furniture', substring(concat(' (', @type, ')'), 1, 1000 * number(boolean(@type))), ', not part of the text')"/>
          </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="style">
          <xsl:call-template name="token-style">
            <xsl:with-param name="tokens" select="$tokens"/>
            <xsl:with-param name="css" select="$css"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="inline-nodes">
        <xsl:with-param name="nodes" select="$nodes"/>
      </xsl:call-template>
    </xsl:element>
    <xsl:if test="not($inline)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-quote-block">
    <xsl:param name="path"/>
    <xsl:param name="role"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="blocks"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="lang" select="$lang"/>
            <xsl:with-param name="class" select="concat('block quote-block ', $role)"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="$blocks">
              <xsl:call-template name="block-children"><xsl:with-param name="inline" select="true()"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="inline-nodes"/>
            </xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <blockquote>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="lang" select="$lang"/>
            <xsl:with-param name="class" select="concat('quote-block ', $role)"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="$blocks">
              <xsl:call-template name="block-children"><xsl:with-param name="path" select="$path"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <p>
                <xsl:call-template name="inline-nodes"/>
              </p>
            </xsl:otherwise>
          </xsl:choose>
        </blockquote>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-verse">
    <xsl:param name="path"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:element name="{substring('divspan', 1 + 3 * number(boolean($inline)), 3 + number(boolean($inline)))}">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="class" select="concat(substring('block ', 1, 6 * number(boolean($inline))), 'lg ', @type)"/>
      </xsl:call-template>
      <xsl:call-template name="block-children"><xsl:with-param name="inline" select="$inline"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <xsl:template name="w-line">
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:element name="{substring('divspan', 1 + 3 * number(boolean($inline)), 3 + number(boolean($inline)))}">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="class" select="concat(substring('block ', 1, 6 * number(boolean($inline))), 'l')"/>
      </xsl:call-template>
      <xsl:call-template name="inline-nodes"/>
    </xsl:element>
    <xsl:if test="not($inline)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-list">
    <xsl:param name="path"/>
    <xsl:param name="kind"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:call-template name="heads"><xsl:with-param name="inline" select="$inline"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="$inline">span</xsl:when>
        <xsl:when test="$kind = 'gloss'">dl</xsl:when>
        <xsl:when test="$kind = 'ordered' or $kind = 'labelled'">ol</xsl:when>
        <xsl:otherwise>ul</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="class" select="concat(substring('block ', 1, 6 * number(boolean($inline))), 'list ', $kind)"/>
      </xsl:call-template>
      <xsl:call-template name="list-items"><xsl:with-param name="path" select="$path"/>
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="inline" select="$inline"/>
      </xsl:call-template>
    </xsl:element>
    <xsl:call-template name="list-extras"><xsl:with-param name="path" select="$path"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
    <xsl:if test="not($inline)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-item">
    <xsl:param name="path"/>
    <xsl:param name="kind"/>
    <xsl:param name="label"/>
    <xsl:param name="label-nodes"/>
    <xsl:param name="nodes"/>
    <xsl:param name="blocks"/>
    <xsl:param name="head"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="class" select="'block item'"/>
          </xsl:call-template>
          <xsl:if test="$label != '' or $label-nodes">
            <span class="label">
              <xsl:value-of select="$label"/>
              <xsl:call-template name="inline-nodes">
                <xsl:with-param name="nodes" select="$label-nodes"/>
              </xsl:call-template>
            </span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="item-content"><xsl:with-param name="path" select="$path"/>
            <xsl:with-param name="nodes" select="$nodes"/>
            <xsl:with-param name="blocks" select="$blocks"/>
            <xsl:with-param name="inline" select="true()"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:when test="$kind = 'gloss'">
        <div>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="class" select="substring('head', 1, 4 * number(boolean($head)))"/>
          </xsl:call-template>
          <dt>
            <xsl:value-of select="$label"/>
            <xsl:call-template name="inline-nodes">
              <xsl:with-param name="nodes" select="$label-nodes"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:call-template name="item-content"><xsl:with-param name="path" select="$path"/>
              <xsl:with-param name="nodes" select="$nodes"/>
              <xsl:with-param name="blocks" select="$blocks"/>
            </xsl:call-template>
          </dd>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <li>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:if test="$kind != 'simple'">
            <span class="label">
              <xsl:value-of select="$label"/>
              <xsl:call-template name="inline-nodes">
                <xsl:with-param name="nodes" select="$label-nodes"/>
              </xsl:call-template>
            </span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <div class="item">
            <xsl:call-template name="item-content"><xsl:with-param name="path" select="$path"/>
              <xsl:with-param name="nodes" select="$nodes"/>
              <xsl:with-param name="blocks" select="$blocks"/>
            </xsl:call-template>
          </div>
        </li>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="item-content">
    <xsl:param name="path"/>
    <xsl:param name="nodes"/>
    <xsl:param name="blocks"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$blocks">
        <xsl:call-template name="block-children"><xsl:with-param name="nodes" select="$nodes"/><xsl:with-param name="inline" select="$inline"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="inline-nodes">
          <xsl:with-param name="nodes" select="$nodes"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-table">
    <xsl:param name="path"/>
    <xsl:param name="id"/>
    <xsl:param name="columns"/>
    <xsl:param name="caption"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="class" select="'block table'"/>
          </xsl:call-template>
          <xsl:for-each select="$caption">
            <span class="block caption">
              <xsl:call-template name="inline-nodes"/>
            </span>
          </xsl:for-each>
          <xsl:call-template name="table-rows"><xsl:with-param name="path" select="$path"/>
            <xsl:with-param name="inline" select="true()"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <div class="table-wrap">
          <table>
            <xsl:call-template name="html-attrs">
              <xsl:with-param name="id" select="$id"/>
              <xsl:with-param name="lang" select="@xml:lang"/>
              <xsl:with-param name="class" select="'table'"/>
            </xsl:call-template>
            <xsl:if test="$caption">
              <caption>
                <xsl:for-each select="$caption">
                  <xsl:if test="position() &gt; 1">
                    <xsl:text> </xsl:text>
                  </xsl:if>
                  <xsl:call-template name="inline-nodes"/>
                </xsl:for-each>
              </caption>
            </xsl:if>
            <tbody>
              <xsl:call-template name="table-rows"><xsl:with-param name="path" select="$path"/></xsl:call-template>
            </tbody>
          </table>
        </div>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-row">
    <xsl:param name="path"/>
    <xsl:param name="header"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span class="block row">
          <xsl:call-template name="row-cells"><xsl:with-param name="path" select="$path"/>
            <xsl:with-param name="inline" select="true()"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <tr>
          <xsl:call-template name="row-cells"><xsl:with-param name="path" select="$path"/></xsl:call-template>
        </tr>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-cell">
    <xsl:param name="path"/>
    <xsl:param name="header"/>
    <xsl:param name="cols"/>
    <xsl:param name="rows"/>
    <xsl:param name="blocks"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:if test="preceding-sibling::tei:cell">
          <xsl:text> | </xsl:text>
        </xsl:if>
        <span>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="class" select="'cell'"/>
          </xsl:call-template>
          <xsl:call-template name="item-content"><xsl:with-param name="path" select="$path"/>
            <xsl:with-param name="nodes" select="node()"/>
            <xsl:with-param name="blocks" select="$blocks"/>
            <xsl:with-param name="inline" select="true()"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{substring('tdth', 1 + 2 * number(boolean($header)), 2)}">
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:if test="$cols &gt; 1">
            <xsl:attribute name="colspan">
              <xsl:value-of select="$cols"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="$rows &gt; 1">
            <xsl:attribute name="rowspan">
              <xsl:value-of select="$rows"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:call-template name="item-content"><xsl:with-param name="path" select="$path"/>
            <xsl:with-param name="nodes" select="node()"/>
            <xsl:with-param name="blocks" select="$blocks"/>
          </xsl:call-template>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note between paragraphs: its mark, its text, and links back to the
       places that call it (the notes at the end of a novel). -->
  <xsl:template name="w-note-block">
    <xsl:param name="path"/>
    <xsl:param name="mark"/>
    <xsl:param name="id"/>
    <xsl:param name="content"/>
    <xsl:param name="callers"/>
    <xsl:param name="inline"/>
    <xsl:element name="{substring('divspan', 1 + 3 * number(boolean($inline)), 3 + number(boolean($inline)))}">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="lang" select="@xml:lang"/>
        <xsl:with-param name="class" select="concat(substring('block ', 1, 6 * number(boolean($inline))), 'note-block ', @type)"/>
      </xsl:call-template>
      <xsl:if test="$mark != ''">
        <span class="note-mark">
          <xsl:value-of select="$mark"/>
        </span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$content = 'blocks' and not($inline)">
          <xsl:call-template name="block-children"><xsl:with-param name="path" select="$path"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="note-body">
            <xsl:with-param name="kind" select="substring('inlinemissing', 1 + 6 * number($content = 'missing'), 6 + number($content = 'missing'))"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$callers">
        <xsl:text> </xsl:text>
        <a class="note-back">
          <xsl:attribute name="href">
            <xsl:text>#</xsl:text>
            <xsl:call-template name="out-id">
              <xsl:with-param name="prefix" select="'ref.'"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:attribute name="aria-label">
            <xsl:value-of select="concat('Back to the text', substring(concat(' (', position(), ')'), 1, 100 * number(last() &gt; 1)))"/>
          </xsl:attribute>
          <xsl:text>↩</xsl:text>
        </a>
      </xsl:for-each>
    </xsl:element>
    <xsl:if test="not($inline)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-code-block">
    <xsl:param name="code"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <code>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="class" select="'block code-block'"/>
          </xsl:call-template>
          <xsl:value-of select="$code"/>
        </code>
      </xsl:when>
      <xsl:otherwise>
        <pre>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="class" select="'code-block'"/>
          </xsl:call-template>
          <code>
            <xsl:value-of select="$code"/>
          </code>
        </pre>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-separator">
    <xsl:param name="id"/>
    <xsl:param name="block"/>
    <xsl:choose>
      <xsl:when test="$block">
        <hr class="milestone">
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
        </hr>
      </xsl:when>
      <xsl:otherwise>
        <span class="milestone" role="separator">
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
          <xsl:text>⁂</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-pb">
    <xsl:param name="n"/>
    <xsl:param name="id"/>
    <xsl:param name="block"/>
    <xsl:choose>
      <xsl:when test="$block">
        <p class="pb-line">
          <span class="pb" role="separator" aria-label="{concat('Page break', substring(concat(', page ', $n), 1, 1000 * number($n != '')))}">
            <xsl:if test="$id != ''">
              <xsl:attribute name="id">
                <xsl:value-of select="$id"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:value-of select="concat(substring(concat('p. ', $n), 1, 1000 * number($n != '')), substring('page break', 1, 10 * number($n = '')))"/>
          </span>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring(' ', 1, number(not(@break = 'no')))"/>
        <span class="pb" role="separator" aria-label="{concat('Page break', substring(concat(', page ', $n), 1, 1000 * number($n != '')))}">
          <xsl:if test="$id != ''">
            <xsl:attribute name="id">
              <xsl:value-of select="$id"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:value-of select="concat(substring(concat('p. ', $n), 1, 1000 * number($n != '')), substring('page break', 1, 10 * number($n = '')))"/>
        </span>
        <xsl:value-of select="substring(' ', 1, number(not(@break = 'no')))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- MathML goes to the browser as it is (HTML5 reads <math> without a
       namespace prefix). -->
  <xsl:template name="w-math">
    <xsl:param name="display"/>
    <math>
      <xsl:if test="$display or @display = 'block' or @mode = 'display'">
        <xsl:attribute name="display">block</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="mathml"/>
    </math>
  </xsl:template>

  <xsl:template match="*" mode="mathml">
    <xsl:element name="{local-name()}">
      <xsl:for-each select="@*[local-name() != 'mode' and namespace-uri() = '']">
        <xsl:attribute name="{local-name()}">
          <xsl:value-of select="."/>
        </xsl:attribute>
      </xsl:for-each>
      <xsl:apply-templates mode="mathml"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="comment()" mode="mathml"/>

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
      <xsl:when test="not($css or $id or $lang or $title or $words or $has-words or contains($tokens, 'script ')
                      or contains($tokens, 'color:')) and $class = 'hi'">
        <!-- A hi with plain tokens (italic, bold…): a span, quickly. -->
        <span class="{normalize-space(concat('hi', $tokens))}">
          <xsl:value-of select="$before"/>
          <xsl:apply-templates select="$nodes" mode="inline"/>
          <xsl:value-of select="$after"/>
        </span>
      </xsl:when>
      <xsl:when test="normalize-space(concat($tokens, $css, $class, $id, $lang, $title)) = ''">
        <xsl:value-of select="$before"/>
        <xsl:call-template name="inline-nodes">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="words" select="$words"/>
        </xsl:call-template>
        <xsl:value-of select="$after"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- The element: sup/sub for raised and lowered text, the HTML
             element of the same meaning for emph, del, add, titles, code;
             a span otherwise. Computed without a template call (hot). -->
        <xsl:variable name="first-class" select="substring-before(concat(normalize-space($class), ' '), ' ')"/>
        <xsl:variable name="sup" select="contains($tokens, ' superscript ')"/>
        <xsl:variable name="sub" select="contains($tokens, ' subscript ') and not($sup)"/>
        <xsl:variable name="script" select="$sup or $sub"/>
        <xsl:variable name="mapped" select="substring-before(substring-after(
            ' emph=em del=del add=ins title=cite code=code ident=code gi=code att=code val=code tag=code ',
            concat(' ', $first-class, '=')), ' ')"/>
        <xsl:variable name="element" select="concat(substring('sup', 1, 3 * number($sup)), substring('sub', 1, 3 * number($sub)),
            substring($mapped, 1, string-length($mapped) * number(not($script))),
            substring('span', 1, 4 * number(not($script) and $mapped = '')))"/>
        <xsl:element name="{$element}">
          <xsl:if test="$id != ''">
            <xsl:attribute name="id">
              <xsl:value-of select="$id"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="$lang != ''">
            <xsl:attribute name="lang">
              <xsl:value-of select="$lang"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="normalize-space(concat($class, $tokens)) != ''">
            <xsl:attribute name="class">
              <xsl:value-of select="normalize-space(concat($class, ' ', substring-before(concat($tokens, ' color:'), ' color:'),
                                                           ' ', substring-after(substring-after($tokens, ' color:'), ' ')))"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="$title != ''">
            <xsl:attribute name="title">
              <xsl:value-of select="normalize-space($title)"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:if test="$css != '' or contains($tokens, ' color:')">
            <xsl:attribute name="style">
              <xsl:if test="contains($tokens, ' color:') and not(contains($css, 'color'))">
                <xsl:value-of select="concat('color:', substring(substring-after($tokens, ' color:'), 1, 7), ';')"/>
              </xsl:if>
              <xsl:value-of select="$css"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$before"/>
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$nodes"/>
            <xsl:with-param name="words" select="$words"/>
          </xsl:call-template>
          <xsl:value-of select="$after"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Names: a link to the register's entry in the index (the static site
       relies on this: <a class="name person" href="#ID" id="MENTION">). -->
  <xsl:template name="w-name">
    <xsl:param name="kind"/>
    <xsl:param name="entity"/>
    <xsl:param name="url"/>
    <xsl:param name="mention-id"/>
    <xsl:param name="title"/>
    <xsl:param name="uncertain"/>
    <xsl:param name="tokens"/>
    <xsl:param name="lang"/>
    <xsl:variable name="linked" select="$entity != '' or $url != ''"/>
    <xsl:element name="{substring('aspan', 1 + number(not($linked)), 1 + 3 * number(not($linked)))}">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="class">
          <xsl:value-of select="concat('name ', $kind, substring(' uncertain', 1, 10 * number(boolean($uncertain))))"/>
          <xsl:call-template name="token-classes">
            <xsl:with-param name="tokens" select="$tokens"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$linked">
        <xsl:attribute name="href">
          <xsl:choose>
            <xsl:when test="$entity != ''">
              <xsl:value-of select="concat('#', $entity)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$url"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$mention-id"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="style">
          <xsl:call-template name="token-style">
            <xsl:with-param name="tokens" select="$tokens"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="inline-nodes"/>
    </xsl:element>
  </xsl:template>

  <!-- Dates: <time datetime> with both calendars on hover and keyboard focus,
       and the other calendar written after the date, so that a phone shows it. -->
  <xsl:template name="w-date">
    <xsl:param name="datetime"/>
    <xsl:param name="description"/>
    <xsl:param name="calendar"/>
    <xsl:param name="gloss"/>
    <xsl:param name="tokens"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:variable name="classes">
      <xsl:value-of select="concat('date ', $calendar)"/>
      <xsl:call-template name="token-classes">
        <xsl:with-param name="tokens" select="$tokens"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$description = ''">
        <span>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="lang" select="$lang"/>
            <xsl:with-param name="class" select="$classes"/>
          </xsl:call-template>
          <xsl:call-template name="inline-nodes"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{substring('timespan', 1 + 4 * number($datetime = ''), 4)}">
          <xsl:if test="$datetime != ''">
            <xsl:attribute name="datetime">
              <xsl:value-of select="$datetime"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:attribute name="tabindex">0</xsl:attribute>
          <xsl:call-template name="html-attrs">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="lang" select="$lang"/>
            <xsl:with-param name="class" select="$classes"/>
            <xsl:with-param name="title" select="$description"/>
            <xsl:with-param name="style">
              <xsl:call-template name="token-style">
                <xsl:with-param name="tokens" select="$tokens"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="inline-nodes"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$gloss != ''">
      <xsl:text> </xsl:text>
      <span class="date-gloss">
        <xsl:value-of select="$gloss"/>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-link">
    <xsl:param name="target-id"/>
    <xsl:param name="url"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <xsl:param name="nodes" select="node()"/>
    <a>
      <xsl:attribute name="href">
        <xsl:choose>
          <xsl:when test="$target-id != ''">
            <xsl:value-of select="concat('#', $target-id)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$url"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="lang" select="@xml:lang"/>
        <xsl:with-param name="class" select="concat('ref ', @type)"/>
      </xsl:call-template>
      <xsl:value-of select="$text"/>
      <xsl:call-template name="inline-nodes">
        <xsl:with-param name="nodes" select="$nodes"/>
      </xsl:call-template>
    </a>
  </xsl:template>

  <!-- Footnote marks: a link to the note in the Notes section (a plain mark
       inside another link: links do not nest). -->
  <xsl:template name="w-noteref">
    <xsl:param name="number"/>
    <xsl:param name="mark"/>
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
        <a class="noteref" id="fnref.{$number}" href="#fn.{$number}" role="doc-noteref" aria-label="Note {$mark}">
          <sup>
            <xsl:value-of select="$mark"/>
          </sup>
        </a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An apparatus entry: the reading in the text, a lettered mark that shows
       the entry on hover and keyboard focus and leads to the Apparatus
       section (a tap on a phone follows the link). -->
  <xsl:template name="w-app">
    <xsl:param name="number"/>
    <xsl:param name="mark"/>
    <xsl:param name="nodes"/>
    <xsl:param name="id"/>
    <xsl:variable name="nested">
      <xsl:call-template name="in-link"/>
    </xsl:variable>
    <span class="app">
      <xsl:call-template name="html-attrs">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <span class="lem">
        <xsl:call-template name="inline-nodes">
          <xsl:with-param name="nodes" select="$nodes"/>
        </xsl:call-template>
      </span>
      <xsl:choose>
        <xsl:when test="$nested = '1'">
          <sup class="app-mark" id="appref.{$number}" tabindex="0" aria-describedby="apptip.{$number}">
            <xsl:value-of select="$mark"/>
          </sup>
        </xsl:when>
        <xsl:otherwise>
          <a class="app-mark" id="appref.{$number}" href="#app.{$number}" aria-describedby="apptip.{$number}">
            <xsl:value-of select="$mark"/>
          </a>
        </xsl:otherwise>
      </xsl:choose>
      <span class="app-tip" role="tooltip" id="apptip.{$number}">
        <xsl:call-template name="app-entry-plain"/>
      </span>
    </span>
  </xsl:template>

  <xsl:template name="w-graphic">
    <xsl:param name="url"/>
    <xsl:param name="description"/>
    <!-- No image is loaded: the page makes no request. -->
    <span class="graphic" title="{normalize-space(concat('Image in the source: ', $url))}">
      <xsl:value-of select="concat('[image', substring(concat(': ', $description), 1, 10000 * number($description != '')), ']')"/>
    </span>
  </xsl:template>

  <xsl:template name="w-anchor">
    <xsl:param name="id"/>
    <xsl:if test="$id != ''">
      <span id="{$id}"></span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-linebreak">
    <br/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Notes and index                                                     -->
  <!-- ================================================================== -->

  <xsl:template name="notes-section">
    <xsl:if test="$footnotes">
      <section class="notes" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        <ol class="notes-list">
          <xsl:for-each select="$footnotes">
            <xsl:variable name="mark">
              <xsl:call-template name="footnote-mark"/>
            </xsl:variable>
            <li id="fn.{position()}">
              <a class="note-back" href="#fnref.{position()}" aria-label="Back to note {$mark} in the text">
                <xsl:value-of select="$mark"/>
              </a>
              <xsl:text> </xsl:text>
              <div class="note-text">
                <xsl:call-template name="html-attrs">
                  <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
                  <xsl:with-param name="lang" select="@xml:lang"/>
                </xsl:call-template>
                <xsl:call-template name="note-body"/>
              </div>
            </li>
          </xsl:for-each>
        </ol>
      </section>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The critical apparatus: each entry with its mark, a link back to its
       place, the readings with the witnesses' sigla. -->
  <xsl:template name="apparatus-section">
    <xsl:if test="$app-entries">
      <section class="notes apparatus" aria-labelledby="apparatus-title">
        <h2 id="apparatus-title">Apparatus</h2>
        <xsl:if test="$witnesses">
          <p class="witnesses">
            <xsl:text>Witnesses: </xsl:text>
            <xsl:for-each select="$witnesses">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <span class="siglum">
                <xsl:call-template name="sigla">
                  <xsl:with-param name="pointers" select="concat('#', @xml:id)"/>
                </xsl:call-template>
              </span>
              <xsl:text> </xsl:text>
              <xsl:call-template name="witness-description"/>
            </xsl:for-each>
          </p>
        </xsl:if>
        <ol class="notes-list">
          <xsl:for-each select="$app-entries">
            <xsl:variable name="mark">
              <xsl:call-template name="app-mark">
                <xsl:with-param name="number" select="position()"/>
              </xsl:call-template>
            </xsl:variable>
            <li id="app.{position()}">
              <a class="note-back" href="#appref.{position()}" aria-label="Back to variant {$mark} in the text">
                <xsl:value-of select="$mark"/>
              </a>
              <xsl:text> </xsl:text>
              <div class="note-text">
                <xsl:call-template name="app-entry"/>
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
                  <xsl:call-template name="name-label"/>
                </span>
                <xsl:text> </xsl:text>
                <span class="index-kind">
                  <xsl:call-template name="kind-label">
                    <xsl:with-param name="kind" select="$kind"/>
                  </xsl:call-template>
                </span>
                <xsl:call-template name="mention-links">
                  <xsl:with-param name="mentions" select="key('unidentified', concat(local-name(), '|', normalize-space(.)))"/>
                  <xsl:with-param name="label">
                    <xsl:call-template name="name-label"/>
                  </xsl:with-param>
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
    <xsl:variable name="ids">
      <xsl:call-template name="shown-mention-ids">
        <xsl:with-param name="mentions" select="$mentions"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="normalize-space($ids) != ''">
      <xsl:text> </xsl:text>
      <span class="mentions">
        <span class="mentions-label">In the text:</span>
        <xsl:call-template name="each-mention">
          <xsl:with-param name="ids" select="normalize-space($ids)"/>
          <xsl:with-param name="label" select="$label"/>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-mention-ref">
    <xsl:param name="id"/>
    <xsl:param name="number"/>
    <xsl:param name="label"/>
    <xsl:text> </xsl:text>
    <a href="#{$id}" aria-label="{concat($label, ', mention ', $number)}">
      <xsl:value-of select="$number"/>
    </a>
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
main p.align-center,.align-center{text-align:center}
main p.align-end,.align-end{text-align:right}
.front{margin:0 0 2.5rem;text-align:center}
.front .docTitle,.front .titlePage{margin:0 0 1rem}
.titlePart{font-size:1.35rem;font-weight:600;margin:0 0 .4rem;line-height:1.3}
.titlePart.desc,.titlePart.sub,.titlePart.alt{font-size:1.05rem;font-weight:400;font-style:italic}
.docAuthor{font-variant:small-caps;letter-spacing:.04em;font-size:1.1rem;margin:.25rem 0}
.docDate,.docImprint,.byline{margin:.25rem 0}
.front .div{text-align:left}
.front .div.titlepage,.front .titlePage{text-align:center}
.opener,.closer{margin:1rem 0 1.5rem}
.dateline{font-style:italic}
.salute{margin:1rem 0}
.signed{font-variant:small-caps}
.opener .bibl,.back .bibl,.bibl.citation{font-size:.9375rem;color:var(--muted)}
main p.bibl{margin:0 0 1em}
.trailer{font-variant:small-caps;margin:2rem 0}
section.div{margin-top:2rem}
.head{text-wrap:balance}
p.head{font-weight:600;margin:1rem 0 .5rem}
p.stage{font-style:italic}
blockquote{margin:1rem 0 1rem 1.5rem;padding-left:1rem;border-left:3px solid var(--rule)}
blockquote>p:last-child{margin-bottom:0}
.quote-block.epigraph{margin-left:30%;border:0;font-size:.95rem}
span.quote-block{padding-left:1rem;margin-left:1.5rem;border-left:3px solid var(--rule)}
.lg{margin:1rem 0 1rem 1.5rem}.l{padding-left:2em;text-indent:-2em}
.lg .lg{margin-left:0}
.cit{margin:1rem 0}
.list{margin:0 0 1em;padding-left:0;list-style:none}
.list>li{display:grid;grid-template-columns:2.25rem 1fr;gap:.25rem;margin:0 0 .4em}
.list>li>.label{text-align:right;padding-right:.35rem;font-variant-numeric:tabular-nums}
.list.simple>li{display:block}
.list .list{margin:.4em 0 0}
.item>p:last-child{margin-bottom:0}
dl.gloss>div{margin:0 0 .5rem}dl.gloss dt{font-weight:600}dl.gloss dd{margin:0 0 0 1.5rem}
dl.gloss>div.head dt,dl.gloss>div.head dd{font-style:italic}
.block{display:block;margin:.4rem 0}
span.block.item,span.block.l,span.block.row{margin:0}
span.block .block{margin-left:1.25rem}
.table-wrap{overflow-x:auto;margin:1rem 0}
table.table{border-collapse:collapse;font-size:.95rem}
table.table td,table.table th{border:1px solid var(--rule);padding:.25rem .5rem;vertical-align:top;text-align:left}
pre.code-block,code.code-block{font:.8125rem/1.45 var(--mono);background:var(--panel);border:1px solid var(--rule);border-radius:6px;padding:.6rem .8rem;overflow-x:auto;white-space:pre;word-break:normal}
code.code-block{display:block}
pre.code-block code{font:inherit;word-break:normal}
td pre.code-block,th pre.code-block{white-space:pre-wrap;overflow-wrap:anywhere}
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
.date-gloss{font:.8125em/1 var(--sans);color:var(--muted);white-space:nowrap}
.noteref{text-decoration:none;font-family:var(--sans);font-size:.75em;line-height:0;padding:0 .1em}
.noteref sup{vertical-align:super;font-size:1em}
.app{position:relative}
.app .lem{text-decoration:underline dotted var(--muted);text-underline-offset:.2em}
.app-mark{font:600 .7em/0 var(--sans);vertical-align:super;text-decoration:none;padding:0 .15em}
.app-tip{display:none;position:absolute;left:0;top:calc(100% + .3rem);z-index:6;width:max-content;max-width:min(24rem,85vw);background:var(--tip-bg);color:var(--tip-fg);font:500 .8125rem/1.4 var(--sans);padding:.4rem .6rem;border-radius:5px;text-indent:0;text-align:left;font-style:normal;font-weight:500;white-space:normal}
.app:hover .app-tip,.app-mark:focus+.app-tip,.app-mark:focus-visible+.app-tip{display:block}
.witnesses{font-size:.9rem;color:var(--muted)}
.siglum,.omission{font-style:italic}
.gap,.gap-note{color:var(--muted);font-style:italic}
.gap-note{font-family:var(--sans);font-size:.875em}
.supplied,.surplus{color:inherit}
.stage{font-style:italic}
.choice.sic,.sic{text-decoration:underline wavy var(--muted);text-decoration-thickness:1px}
.choice[title]{text-decoration:underline dotted var(--muted);text-underline-offset:.2em;cursor:help}
.unclear{text-decoration:underline dotted var(--muted)}
ins.add{text-decoration:none;border-bottom:1px solid var(--rule)}
del.del{text-decoration:line-through}
.italic{font-style:italic}.upright{font-style:normal}.bold{font-weight:700}
.smallcaps{font-variant:small-caps}.allcaps{text-transform:uppercase}
.underline{text-decoration:underline}
.underline-double{text-decoration:underline double}
.underline-wavy{text-decoration:underline wavy}
.strike{text-decoration:line-through}
.strike-double{text-decoration:line-through double}
.mono{font-family:var(--mono);font-size:.9em}
.large{font-size:1.2em}.small{font-size:.85em}.spaced{letter-spacing:.12em}
.center{text-align:center}.right{text-align:right}
code.gi,code.att,code.val,code.tag,code.code,code.ident{word-break:normal}
.graphic{color:var(--muted);font-family:var(--sans);font-size:.875em}
math[display=block]{display:block;margin:1rem 0;text-align:center}
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
@media (max-width:40rem){body{font-size:1rem;line-height:1.6}.masthead,main,nav,.page-footer{padding:0 1rem}.facts dl>div{grid-template-columns:1fr}.lg,blockquote{margin-left:.5rem}.quote-block.epigraph{margin-left:10%}.list>li{grid-template-columns:2rem 1fr}.app-tip,.date[tabindex]:focus::after{position:fixed;left:.75rem;right:.75rem;top:auto;bottom:.75rem;width:auto;max-width:none}}
@media print{body{background:#fff;color:#000;font-size:11pt}.skip,.toc,.app-tip{display:none}a{color:inherit;text-decoration:none}.facts{border-color:#999}.name.uncertain::after{content:""}}
</xsl:template>

</xsl:stylesheet>
