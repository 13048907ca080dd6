<?xml version="1.0" encoding="UTF-8"?>
<!--
  The writer primitives: the only things a format supplies.

  traversal.xsl decides what each TEI element is and calls these named
  templates with the context node set to that element. A format's stylesheet
  imports common.xsl and redefines each primitive (its definitions win by
  import precedence); the versions here are the defaults a new writer starts
  from: they write the content without any markup.

  Content is never passed as text: a primitive gets the nodes to render
  ($nodes, by default the element's children) and renders them itself with
  inline-nodes (or, for containers, apply-templates in mode "block", passing
  inline=true() on when it has been given it). Every primitive that makes a
  block takes $inline: true when the block stands inside a line of text (a
  list in a paragraph), where HTML may only use phrasing content.

  Blocks
    w-p           id: a paragraph with nothing special (the default calls w-para)
    w-container   kind (text front body back group section division opener
                  closer titlePage figure sp cit … other), class, id, inline
    w-heading     level (2-6), id; text (a string) instead of the content
    w-para        role (p head titlePart docAuthor dateline signed salute
                  trailer bibl stage fw note-call formula text other…), align
                  (start center end justify), tokens, css, id, lang, nodes, inline
    w-quote-block role, id, lang, blocks (children are blocks), inline
    w-verse, w-line  id, lang, inline
    w-list        kind (ordered bulleted labelled gloss simple), id, lang,
                  inline; calls list-items, then list-extras
    w-item        kind, label (a string), label-nodes, nodes, blocks, head, id, inline
    w-table       id, columns, caption (head elements), inline; calls table-rows
    w-row         header, inline; calls row-cells
    w-cell        header, cols, rows, blocks, id, inline
    w-note-block  mark, id, content (inline blocks missing), callers (the
                  pointers that call the note, for links back), inline
    w-code-block  code (a string with line breaks), id, inline
    w-separator   id, block
    w-pb          n, id, block
    w-math        display (context: m:math)
  Inline
    text()        (mode inline) a text node: escape it for the format
    w-string      text: words the edition adds (marks, brackets, labels)
    w-styled      tokens (rendition.xsl), css, class, id, lang, title
                  (a tooltip), before, after (strings), nodes, words
    w-name        kind (person place org ''), entity (register id to link),
                  url, mention-id, title, uncertain, tokens, lang
    w-date        datetime, description (both calendars), calendar, gloss
                  (the other calendar, to show after the date), tokens, id, lang
    w-link        target-id (an id of this output) or url, id, text (for an
                  empty pointer), nodes
    w-noteref     number, mark (context: the note; note-body renders it)
    w-app         number, mark, nodes (the reading shown), id (context: the
                  app; app-entry renders the entry, app-entry-plain as text)
    w-graphic     url, description
    w-anchor      id
    w-linebreak

  Index
    w-mention-ref id (of a name in the text), number (1, 2, … among the
                  entry's mentions), label (the entry's name): one
                  reference back from the index;
                  names.xsl's each-mention calls it for every mention shown

  Capabilities (variables a writer sets): $w-strike (can strike text
  through: then deletions stay, struck, in the reading text); $w-mathml
  (shows MathML as it is); $w-mention-ids (links to each name: without it
  names get no ids, which saves counting their places).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:variable name="w-strike" select="true()"/>
  <xsl:variable name="w-mathml" select="false()"/>
  <xsl:variable name="w-mention-ids" select="true()"/>

  <xsl:template name="w-mention-ref">
    <xsl:param name="id"/>
    <xsl:param name="number"/>
    <xsl:param name="label"/>
  </xsl:template>

  <!-- The inline content of $nodes; word-level sentences through "words". -->
  <xsl:template name="inline-nodes">
    <xsl:param name="nodes" select="node()"/>
    <xsl:param name="words"/>
    <xsl:choose>
      <xsl:when test="$words or ($has-words and $nodes[self::tei:s])">
        <xsl:apply-templates select="$nodes" mode="words"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$nodes" mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-container">
    <xsl:param name="path"/>
    <xsl:param name="kind"/>
    <xsl:param name="class"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:call-template name="block-children"><xsl:with-param name="nodes" select="$nodes"/><xsl:with-param name="inline" select="$inline"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="w-heading">
    <xsl:param name="level"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <xsl:value-of select="$text"/>
    <xsl:if test="$text = ''">
      <xsl:call-template name="inline-nodes"/>
    </xsl:if>
  </xsl:template>

  <!-- A plain paragraph (no rendition, no language of its own, justified,
       no word-level sentences: its children go through mode "inline" as they
       are): the commonest block, with the cheapest call. -->
  <xsl:template name="w-p">
    <xsl:param name="id"/>
    <xsl:call-template name="w-para">
      <xsl:with-param name="role" select="'p'"/>
      <xsl:with-param name="align" select="'justify'"/>
      <xsl:with-param name="tokens" select="' '"/>
      <xsl:with-param name="css" select="''"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="lang" select="''"/>
    </xsl:call-template>
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
    <xsl:call-template name="inline-nodes">
      <xsl:with-param name="nodes" select="$nodes"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-quote-block">
    <xsl:param name="path"/>
    <xsl:param name="role"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="blocks"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$blocks">
        <xsl:call-template name="block-children"><xsl:with-param name="inline" select="$inline"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="inline-nodes"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-verse">
    <xsl:param name="path"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:call-template name="block-children"><xsl:with-param name="inline" select="$inline"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="w-line">
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:call-template name="inline-nodes"/>
  </xsl:template>

  <xsl:template name="w-list">
    <xsl:param name="path"/>
    <xsl:param name="kind"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:call-template name="heads"><xsl:with-param name="path" select="$path"/></xsl:call-template>
    <xsl:call-template name="list-items"><xsl:with-param name="path" select="$path"/>
      <xsl:with-param name="kind" select="$kind"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
    <xsl:call-template name="list-extras"><xsl:with-param name="path" select="$path"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
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
    <xsl:value-of select="$label"/>
    <xsl:call-template name="inline-nodes">
      <xsl:with-param name="nodes" select="$label-nodes | $nodes"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-table">
    <xsl:param name="path"/>
    <xsl:param name="id"/>
    <xsl:param name="columns"/>
    <xsl:param name="caption"/>
    <xsl:param name="inline"/>
    <xsl:call-template name="table-rows"><xsl:with-param name="path" select="$path"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-row">
    <xsl:param name="path"/>
    <xsl:param name="header"/>
    <xsl:param name="inline"/>
    <xsl:call-template name="row-cells"><xsl:with-param name="path" select="$path"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-cell">
    <xsl:param name="path"/>
    <xsl:param name="header"/>
    <xsl:param name="cols"/>
    <xsl:param name="rows"/>
    <xsl:param name="blocks"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:call-template name="inline-nodes"/>
  </xsl:template>

  <xsl:template name="w-note-block">
    <xsl:param name="path"/>
    <xsl:param name="mark"/>
    <xsl:param name="id"/>
    <xsl:param name="content"/>
    <xsl:param name="callers"/>
    <xsl:param name="inline"/>
    <xsl:call-template name="note-body">
      <xsl:with-param name="kind" select="$content"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-code-block">
    <xsl:param name="code"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:value-of select="$code"/>
  </xsl:template>

  <xsl:template name="w-separator">
    <xsl:param name="id"/>
    <xsl:param name="block"/>
  </xsl:template>

  <xsl:template name="w-pb">
    <xsl:param name="n"/>
    <xsl:param name="id"/>
    <xsl:param name="block"/>
  </xsl:template>

  <xsl:template name="w-math">
    <xsl:param name="display"/>
    <xsl:call-template name="math-text"/>
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
    <xsl:value-of select="$before"/>
    <xsl:call-template name="inline-nodes">
      <xsl:with-param name="nodes" select="$nodes"/>
      <xsl:with-param name="words" select="$words"/>
    </xsl:call-template>
    <xsl:value-of select="$after"/>
  </xsl:template>

  <xsl:template name="w-name">
    <xsl:param name="kind"/>
    <xsl:param name="entity"/>
    <xsl:param name="url"/>
    <xsl:param name="mention-id"/>
    <xsl:param name="title"/>
    <xsl:param name="uncertain"/>
    <xsl:param name="tokens"/>
    <xsl:param name="lang"/>
    <xsl:call-template name="inline-nodes"/>
  </xsl:template>

  <xsl:template name="w-date">
    <xsl:param name="datetime"/>
    <xsl:param name="description"/>
    <xsl:param name="calendar"/>
    <xsl:param name="gloss"/>
    <xsl:param name="tokens"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:call-template name="inline-nodes"/>
    <xsl:if test="$gloss != ''">
      <xsl:value-of select="concat(' ', $gloss)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-link">
    <xsl:param name="target-id"/>
    <xsl:param name="url"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:value-of select="$text"/>
    <xsl:call-template name="inline-nodes">
      <xsl:with-param name="nodes" select="$nodes"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-noteref">
    <xsl:param name="number"/>
    <xsl:param name="mark"/>
    <xsl:value-of select="concat('[', $mark, ']')"/>
  </xsl:template>

  <xsl:template name="w-app">
    <xsl:param name="number"/>
    <xsl:param name="mark"/>
    <xsl:param name="nodes"/>
    <xsl:param name="id"/>
    <xsl:call-template name="inline-nodes">
      <xsl:with-param name="nodes" select="$nodes"/>
    </xsl:call-template>
    <xsl:value-of select="concat('[', $mark, ']')"/>
  </xsl:template>

  <xsl:template name="w-graphic">
    <xsl:param name="url"/>
    <xsl:param name="description"/>
    <xsl:value-of select="concat('[image', substring(concat(': ', $description), 1, 10000 * number($description != '')), ']')"/>
  </xsl:template>

  <xsl:template name="w-anchor">
    <xsl:param name="id"/>
  </xsl:template>

  <xsl:template name="w-linebreak">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
