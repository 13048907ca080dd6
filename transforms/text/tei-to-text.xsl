<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 -> plain reading text (UTF-8): the writer primitives of the shared
  traversal (common/writer.xsl) as lines of text.

  Structure shows as blank lines (between blocks), indentation (quotations,
  verse, list items with hanging indents, notes), centred title lines,
  right-aligned datelines and signatures, underlined headings. Footnotes are
  marked [1], [A] (the source's mark) and printed at the end under "Notes";
  apparatus entries are marked [a], [b] and printed under "Apparatus".
  Furniture (fw) and page breaks are left out unless furniture=1.

  What the text adds to the words of the source is only the edition's own
  apparatus: list numbers, note marks, the other calendar of a date
  ("[N.S. 8 November 1917]"), the sigla of witnesses, "[image]".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Furniture (fw, pb) is not part of the reading text: off by default here. -->
  <xsl:param name="furniture" select="'0'"/>
  <!-- The header's facts (title, author, date, source, licence, checksum)
       before the text: off by default, since they are not words of the text. -->
  <xsl:param name="header" select="'0'"/>
  <!-- Line width for wrapping, centring and right alignment; 0: one line per
       paragraph (best for text mining). -->
  <xsl:param name="width" select="'72'"/>

  <!-- Plain text cannot strike a word through: deletions leave the reading text. -->
  <xsl:variable name="w-strike" select="false()"/>
  <!-- No links in plain text: names need no ids. -->
  <xsl:variable name="w-mention-ids" select="false()"/>

  <xsl:variable name="line-width" select="number(concat('0', translate($width, translate($width, '0123456789', ''), '')))"/>
  <!-- A hard line break inside a paragraph (a list or verse in a line of text):
       a private-use character that normalize-space keeps. -->
  <xsl:variable name="BR" select="'&#xE000;'"/>
  <xsl:variable name="spaces" select="'                                                                                                                                '"/>
  <xsl:variable name="lower-chars" select="'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿœšžабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ'"/>
  <xsl:variable name="upper-chars" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸŒŠŽАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐ'"/>

  <!-- ================================================================== -->
  <!-- Document                                                            -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <xsl:call-template name="document-warnings"/>
    <xsl:if test="$header = '1'">
      <xsl:call-template name="header-lines"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$texts">
        <xsl:apply-templates select="$texts" mode="block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="/*" mode="block"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="endnotes"/>
  </xsl:template>

  <xsl:template name="header-lines">
    <xsl:call-template name="lines">
      <xsl:with-param name="text" select="$doc-title"/>
    </xsl:call-template>
    <xsl:if test="$doc-author != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$doc-author"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$doc-date-words != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="concat('Date: ', $doc-date-words)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$doc-sources">
      <xsl:variable name="source">
        <xsl:apply-templates select="." mode="meta"/>
      </xsl:variable>
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="concat('Source: ', normalize-space($source))"/>
        <xsl:with-param name="indent" select="'  '"/>
        <xsl:with-param name="first" select="''"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$licence-text != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="concat('Licence: ', $licence-text)"/>
        <xsl:with-param name="indent" select="'  '"/>
        <xsl:with-param name="first" select="''"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$doc-checksum != ''">
      <xsl:value-of select="concat('SHA-256: ', $doc-checksum, $NL)"/>
    </xsl:if>
    <xsl:value-of select="concat($NL, '========', $NL, $NL)"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Line layout                                                         -->
  <!-- ================================================================== -->

  <!-- The indentation of a block (context: the element laid out): four
       spaces for each enclosing block quotation, verse group, list item or
       note, counted up to the note it is printed in. -->
  <xsl:template name="indent-of">
    <xsl:param name="own"/>
    <xsl:if test="$own">
      <xsl:call-template name="own-indent"/>
    </xsl:if>
    <xsl:for-each select="parent::*">
      <xsl:variable name="footnote">
        <xsl:call-template name="is-footnote"/>
      </xsl:variable>
      <xsl:if test="$footnote != '1' and not(self::tei:app) and not(self::tei:text)">
        <xsl:call-template name="indent-of"/>
        <xsl:call-template name="own-indent"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- What the context element adds to the indentation of what it holds. -->
  <xsl:template name="own-indent">
    <xsl:choose>
      <xsl:when test="self::tei:item or self::tei:lg[not(parent::tei:lg)] or self::tei:note or self::tei:epigraph">
        <xsl:text>    </xsl:text>
      </xsl:when>
      <xsl:when test="self::tei:quote or self::tei:q or self::tei:said or self::tei:cit">
        <xsl:variable name="block">
          <xsl:call-template name="is-block-quote"/>
        </xsl:variable>
        <xsl:if test="$block = '1'">
          <xsl:text>    </xsl:text>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph: the inline rendering of $nodes, laid out as lines, then a
       blank line. -->
  <xsl:template name="paragraph">
    <xsl:param name="nodes" select="node()"/>
    <xsl:param name="indent">
      <xsl:call-template name="indent-of"/>
    </xsl:param>
    <xsl:param name="first" select="$indent"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:param name="underline"/>
    <xsl:param name="blank" select="true()"/>
    <xsl:param name="text"/>
    <xsl:variable name="content">
      <xsl:value-of select="$text"/>
      <xsl:if test="$text = ''">
        <xsl:call-template name="inline-nodes">
          <xsl:with-param name="nodes" select="$nodes"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="line" select="normalize-space($content)"/>
    <xsl:if test="translate($line, concat($BR, ' '), '') != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$line"/>
        <xsl:with-param name="indent" select="$indent"/>
        <xsl:with-param name="first" select="$first"/>
        <xsl:with-param name="align" select="$align"/>
        <xsl:with-param name="underline" select="$underline"/>
      </xsl:call-template>
      <xsl:if test="$blank">
        <xsl:value-of select="$NL"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Lines of a text that may hold hard breaks ($BR): each part wrapped. -->
  <xsl:template name="lines">
    <xsl:param name="text"/>
    <xsl:param name="indent"/>
    <xsl:param name="first" select="$indent"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:param name="underline"/>
    <xsl:variable name="part" select="normalize-space(substring-before(concat($text, $BR), $BR))"/>
    <xsl:variable name="rest" select="substring-after($text, $BR)"/>
    <xsl:if test="$part != ''">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="$part"/>
        <xsl:with-param name="indent" select="$indent"/>
        <xsl:with-param name="first" select="$first"/>
        <xsl:with-param name="align" select="$align"/>
      </xsl:call-template>
      <xsl:if test="$underline != ''">
        <xsl:variable name="length">
          <xsl:choose>
            <xsl:when test="$line-width &gt; 0 and string-length($part) &gt; $line-width">
              <xsl:value-of select="$line-width"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="string-length($part)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="repeat">
          <xsl:with-param name="text" select="$underline"/>
          <xsl:with-param name="count" select="$length"/>
        </xsl:call-template>
        <xsl:value-of select="$NL"/>
      </xsl:if>
    </xsl:if>
    <xsl:if test="normalize-space(translate($rest, $BR, ' ')) != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$rest"/>
        <xsl:with-param name="indent" select="$indent"/>
        <xsl:with-param name="first">
          <xsl:choose>
            <xsl:when test="$part != ''">
              <xsl:value-of select="$indent"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$first"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="align" select="$align"/>
        <xsl:with-param name="underline" select="$underline"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One part wrapped at $line-width: greedy, at spaces only (a word longer
       than the line stays whole). -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="indent"/>
    <xsl:param name="first" select="$indent"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:variable name="room" select="$line-width - string-length($first)"/>
    <!-- A very long paragraph (a one-line file of megabytes) is halved at a space first:
         line by line, the recursion would pass libxslt's depth limit and copy the rest
         of the text once per line. Below 20,000 characters the wrapping is unchanged. -->
    <xsl:variable name="half">
      <xsl:if test="$line-width &gt; 0 and string-length($text) &gt; 20000">
        <xsl:call-template name="last-space">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="position" select="floor(string-length($text) div 2)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($half) != '' and $half &gt; 1">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="substring($text, 1, $half - 1)"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first" select="$first"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="substring($text, $half + 1)"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first" select="$indent"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$line-width &lt;= 0 or string-length($text) &lt;= $room">
        <xsl:call-template name="emit-line">
          <xsl:with-param name="prefix" select="$first"/>
          <xsl:with-param name="line" select="$text"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="at">
          <xsl:call-template name="last-space">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="position" select="$room + 1"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="cut">
          <xsl:choose>
            <xsl:when test="$at &gt; 1">
              <xsl:value-of select="$at"/>
            </xsl:when>
            <xsl:when test="contains($text, ' ')">
              <xsl:value-of select="string-length(substring-before($text, ' ')) + 1"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="string-length($text) + 1"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="emit-line">
          <xsl:with-param name="prefix" select="$first"/>
          <xsl:with-param name="line" select="substring($text, 1, $cut - 1)"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
        <xsl:if test="string-length($text) &gt; $cut">
          <xsl:call-template name="wrap">
            <xsl:with-param name="text" select="substring($text, $cut + 1)"/>
            <xsl:with-param name="indent" select="$indent"/>
            <xsl:with-param name="first" select="$indent"/>
            <xsl:with-param name="align" select="$align"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Position of the last space at or before $position (0: none). Steps back
       a character at a time: about a word's length per line. -->
  <xsl:template name="last-space">
    <xsl:param name="text"/>
    <xsl:param name="position"/>
    <xsl:choose>
      <xsl:when test="$position &lt; 1">0</xsl:when>
      <xsl:when test="substring($text, $position, 1) = ' '">
        <xsl:value-of select="$position"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="last-space">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="position" select="$position - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="emit-line">
    <xsl:param name="prefix"/>
    <xsl:param name="line"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:variable name="free" select="$line-width - string-length($prefix) - string-length($line)"/>
    <xsl:value-of select="$prefix"/>
    <xsl:if test="$line-width &gt; 0 and $free &gt; 0">
      <xsl:choose>
        <xsl:when test="$align = 'center'">
          <xsl:value-of select="substring($spaces, 1, floor($free div 2))"/>
        </xsl:when>
        <xsl:when test="$align = 'right'">
          <xsl:value-of select="substring($spaces, 1, $free)"/>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
    <xsl:value-of select="concat($line, $NL)"/>
  </xsl:template>

  <xsl:template name="repeat">
    <xsl:param name="text"/>
    <xsl:param name="count"/>
    <xsl:if test="$count &gt; 0">
      <xsl:value-of select="$text"/>
      <xsl:call-template name="repeat">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="count" select="$count - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The mark of a note or an entry in the text and in the notes: [1], [A], [a]. -->
  <xsl:template name="bracketed">
    <xsl:param name="mark"/>
    <xsl:value-of select="concat('[', $mark, ']')"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Block primitives                                                    -->
  <!-- ================================================================== -->

  <xsl:template name="w-container">
    <xsl:param name="path"/>
    <xsl:param name="kind"/>
    <xsl:param name="class"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="$BR"/>
        <xsl:call-template name="block-children"><xsl:with-param name="nodes" select="$nodes"/><xsl:with-param name="inline" select="true()"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="block-children"><xsl:with-param name="nodes" select="$nodes"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-heading">
    <xsl:param name="level"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <xsl:call-template name="paragraph">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="underline">
        <xsl:choose>
          <xsl:when test="$level &lt;= 2">=</xsl:when>
          <xsl:otherwise>-</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
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
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="$BR"/>
        <xsl:call-template name="inline-nodes">
          <xsl:with-param name="nodes" select="$nodes"/>
        </xsl:call-template>
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="content">
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$nodes"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="text">
          <xsl:choose>
            <xsl:when test="$role = 'fw'">
              <xsl:value-of select="concat('⟦', normalize-space(translate($content, $BR, ' ')), '⟧')"/>
            </xsl:when>
            <xsl:when test="contains($tokens, ' allcaps ')">
              <xsl:value-of select="translate($content, $lower-chars, $upper-chars)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$content"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="paragraph">
          <xsl:with-param name="text" select="concat($text, substring(' ', 1, number(normalize-space($text) = '')))"/>
          <xsl:with-param name="indent">
            <xsl:call-template name="indent-of">
              <xsl:with-param name="own" select="$role = 'run'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="align">
            <xsl:choose>
              <xsl:when test="$align = 'center'">center</xsl:when>
              <xsl:when test="$align = 'end'">right</xsl:when>
              <xsl:otherwise>left</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
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
        <xsl:value-of select="$BR"/>
        <xsl:call-template name="inline-nodes"/>
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:when test="$blocks">
        <xsl:call-template name="block-children"><xsl:with-param name="path" select="$path"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="indent">
          <xsl:call-template name="indent-of"/>
        </xsl:variable>
        <xsl:call-template name="paragraph">
          <xsl:with-param name="indent" select="concat($indent, '    ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-verse">
    <xsl:param name="path"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="$BR"/>
        <xsl:call-template name="block-children"><xsl:with-param name="inline" select="true()"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="block-children"><xsl:with-param name="path" select="$path"/></xsl:call-template>
        <xsl:if test="not(tei:lg)">
          <xsl:value-of select="$NL"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-line">
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="$BR"/>
        <xsl:call-template name="inline-nodes"/>
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="base">
          <xsl:call-template name="indent-of"/>
        </xsl:variable>
        <xsl:variable name="indent" select="concat($base, substring('    ', 1, 4 * number(not(parent::tei:lg))))"/>
        <xsl:call-template name="paragraph">
          <xsl:with-param name="indent" select="concat($indent, '  ')"/>
          <xsl:with-param name="first" select="$indent"/>
          <xsl:with-param name="blank" select="false()"/>
        </xsl:call-template>
        <xsl:if test="not(following-sibling::*[1][self::tei:l]) and not(parent::tei:lg)">
          <xsl:value-of select="$NL"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-list">
    <xsl:param name="path"/>
    <xsl:param name="kind"/>
    <xsl:param name="id"/>
    <xsl:param name="lang"/>
    <xsl:param name="inline"/>
    <xsl:if test="$inline">
      <xsl:value-of select="$BR"/>
    </xsl:if>
    <xsl:call-template name="heads"><xsl:with-param name="inline" select="$inline"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
    <xsl:call-template name="list-items"><xsl:with-param name="path" select="$path"/>
      <xsl:with-param name="kind" select="$kind"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:when test="tei:item and not(ancestor::tei:item) and not(tei:item[last()]//tei:p or tei:item[last()]//tei:list)">
        <xsl:value-of select="$NL"/>
      </xsl:when>
    </xsl:choose>
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
    <xsl:variable name="label-text">
      <xsl:value-of select="$label"/>
      <xsl:if test="$label-nodes">
        <xsl:variable name="rendered">
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$label-nodes"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="normalize-space(translate($rendered, $BR, ' '))"/>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="$BR"/>
        <xsl:if test="$label-text != ''">
          <xsl:value-of select="concat($label-text, ' ')"/>
        </xsl:if>
        <xsl:call-template name="inline-nodes">
          <xsl:with-param name="nodes" select="$nodes"/>
        </xsl:call-template>
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="indent">
          <xsl:call-template name="indent-of"/>
        </xsl:variable>
        <xsl:variable name="hang" select="concat($indent, '    ')"/>
        <xsl:variable name="padded">
          <xsl:choose>
            <xsl:when test="$label-text = ''"/>
            <xsl:when test="string-length($label-text) &lt; 3 and $kind != 'gloss'">
              <xsl:value-of select="concat(substring('   ', 1, 3 - string-length($label-text)), $label-text, ' ')"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="concat($label-text, ' ')"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$blocks and $kind != 'gloss'">
            <!-- The item's first line starts with its label, hanging. -->
            <xsl:variable name="content">
              <xsl:call-template name="block-children">
                <xsl:with-param name="nodes" select="$nodes"/>
                <xsl:with-param name="path" select="$path"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:choose>
              <xsl:when test="starts-with($content, $hang) and string-length($padded) &lt;= 4">
                <xsl:value-of select="concat($indent, $padded, substring($content, string-length($hang) + 1))"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:if test="$label-text != ''">
                  <xsl:value-of select="concat($indent, substring($padded, 1, string-length($padded) - 1), $NL)"/>
                </xsl:if>
                <xsl:value-of select="$content"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:when test="$kind = 'gloss' or $blocks">
            <xsl:if test="$label-text != ''">
              <xsl:value-of select="concat($indent, substring($padded, 1, string-length($padded) - 1), $NL)"/>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="$blocks">
                <xsl:call-template name="block-children"><xsl:with-param name="nodes" select="$nodes"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="paragraph">
                  <xsl:with-param name="nodes" select="$nodes"/>
                  <xsl:with-param name="indent" select="$hang"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="content">
              <xsl:call-template name="inline-nodes">
                <xsl:with-param name="nodes" select="$nodes"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:call-template name="paragraph">
              <xsl:with-param name="text" select="concat(normalize-space($content), substring(' ', 1, number(normalize-space($content) = '')))"/>
              <xsl:with-param name="indent" select="$hang"/>
              <xsl:with-param name="first" select="concat($indent, $padded)"/>
              <xsl:with-param name="blank" select="false()"/>
            </xsl:call-template>
            <xsl:if test="normalize-space($content) = ''">
              <xsl:value-of select="concat($indent, $padded, $NL)"/>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-table">
    <xsl:param name="path"/>
    <xsl:param name="id"/>
    <xsl:param name="columns"/>
    <xsl:param name="caption"/>
    <xsl:param name="inline"/>
    <xsl:if test="$inline">
      <xsl:value-of select="$BR"/>
    </xsl:if>
    <xsl:for-each select="$caption">
      <xsl:call-template name="w-para">
        <xsl:with-param name="role" select="'head'"/>
        <xsl:with-param name="inline" select="$inline"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="table-rows"><xsl:with-param name="path" select="$path"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$NL"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A row: its cells on one line, separated by bars. -->
  <xsl:template name="w-row">
    <xsl:param name="path"/>
    <xsl:param name="header"/>
    <xsl:param name="inline"/>
    <xsl:variable name="cells">
      <xsl:call-template name="row-cells"><xsl:with-param name="path" select="$path"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="concat($BR, normalize-space(translate($cells, $BR, ' ')), $BR)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="indent">
          <xsl:call-template name="indent-of"/>
        </xsl:variable>
        <xsl:call-template name="paragraph">
          <xsl:with-param name="text" select="concat(normalize-space(translate($cells, $BR, ' ')), ' ')"/>
          <xsl:with-param name="indent" select="concat($indent, '  ')"/>
          <xsl:with-param name="blank" select="false()"/>
        </xsl:call-template>
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
    <xsl:if test="preceding-sibling::tei:cell">
      <xsl:text> | </xsl:text>
    </xsl:if>
    <xsl:call-template name="inline-nodes"/>
  </xsl:template>

  <!-- A note between paragraphs: its mark, hanging, then its text. -->
  <xsl:template name="w-note-block">
    <xsl:param name="path"/>
    <xsl:param name="mark"/>
    <xsl:param name="id"/>
    <xsl:param name="content"/>
    <xsl:param name="callers"/>
    <xsl:param name="inline"/>
    <xsl:variable name="marked">
      <xsl:if test="$mark != ''">
        <xsl:call-template name="bracketed">
          <xsl:with-param name="mark" select="$mark"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="concat($BR, $marked)"/>
        <xsl:call-template name="note-body">
          <xsl:with-param name="kind" select="'inline'"/>
        </xsl:call-template>
        <xsl:value-of select="$BR"/>
      </xsl:when>
      <xsl:when test="$content = 'blocks'">
        <xsl:if test="$marked != ''">
          <xsl:value-of select="concat($marked, $NL)"/>
        </xsl:if>
        <xsl:call-template name="block-children"><xsl:with-param name="path" select="$path"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="indent">
          <xsl:call-template name="indent-of"/>
        </xsl:variable>
        <xsl:variable name="body">
          <xsl:call-template name="note-body">
            <xsl:with-param name="kind" select="$content"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="paragraph">
          <xsl:with-param name="text" select="concat(normalize-space($body), ' ')"/>
          <xsl:with-param name="indent" select="concat($indent, '    ')"/>
          <xsl:with-param name="first" select="concat($indent, $marked)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Code (TEI examples): its lines as they are, indented. -->
  <xsl:template name="w-code-block">
    <xsl:param name="code"/>
    <xsl:param name="id"/>
    <xsl:param name="inline"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <xsl:value-of select="concat($BR, translate($code, $NL, $BR), $BR)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="indent">
          <xsl:call-template name="indent-of"/>
        </xsl:variable>
        <xsl:call-template name="code-lines">
          <xsl:with-param name="code" select="$code"/>
          <xsl:with-param name="indent" select="concat($indent, '    ')"/>
        </xsl:call-template>
        <xsl:value-of select="$NL"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="code-lines">
    <xsl:param name="code"/>
    <xsl:param name="indent"/>
    <xsl:variable name="line" select="substring-before(concat($code, $NL), $NL)"/>
    <xsl:choose>
      <xsl:when test="normalize-space($line) = ''">
        <xsl:value-of select="$NL"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($indent, $line, $NL)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="contains($code, $NL)">
      <xsl:call-template name="code-lines">
        <xsl:with-param name="code" select="substring-after($code, $NL)"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="w-separator">
    <xsl:param name="id"/>
    <xsl:param name="block"/>
    <xsl:choose>
      <xsl:when test="$block">
        <xsl:call-template name="emit-line">
          <xsl:with-param name="prefix" select="''"/>
          <xsl:with-param name="line" select="'*   *   *'"/>
          <xsl:with-param name="align" select="'center'"/>
        </xsl:call-template>
        <xsl:value-of select="$NL"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> * </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-pb">
    <xsl:param name="n"/>
    <xsl:param name="id"/>
    <xsl:param name="block"/>
    <xsl:choose>
      <xsl:when test="$block">
        <xsl:variable name="indent">
          <xsl:call-template name="indent-of"/>
        </xsl:variable>
        <xsl:value-of select="concat($indent, '|', $NL, $NL)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> | </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="w-math">
    <xsl:param name="display"/>
    <xsl:variable name="text">
      <xsl:call-template name="math-text"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$display and not(ancestor::tei:p)">
        <xsl:call-template name="paragraph">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="align" select="'center'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Inline primitives: strings, with $BR for hard breaks                -->
  <!-- ================================================================== -->

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
    <xsl:if test="starts-with($class, 'fw ')">
      <xsl:text> ⟦</xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="contains($tokens, ' allcaps ')">
        <xsl:variable name="content">
          <xsl:call-template name="inline-nodes">
            <xsl:with-param name="nodes" select="$nodes"/>
            <xsl:with-param name="words" select="$words"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="translate($content, $lower-chars, $upper-chars)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="inline-nodes">
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="words" select="$words"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="starts-with($class, 'fw ')">
      <xsl:text>⟧ </xsl:text>
    </xsl:if>
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
    <xsl:call-template name="w-styled">
      <xsl:with-param name="tokens" select="$tokens"/>
    </xsl:call-template>
  </xsl:template>

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
    </xsl:call-template>
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
    <xsl:call-template name="bracketed">
      <xsl:with-param name="mark" select="$mark"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="w-app">
    <xsl:param name="number"/>
    <xsl:param name="mark"/>
    <xsl:param name="nodes"/>
    <xsl:param name="id"/>
    <xsl:call-template name="inline-nodes">
      <xsl:with-param name="nodes" select="$nodes"/>
    </xsl:call-template>
    <xsl:call-template name="bracketed">
      <xsl:with-param name="mark" select="$mark"/>
    </xsl:call-template>
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
    <xsl:value-of select="$BR"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Notes and apparatus at the end                                      -->
  <!-- ================================================================== -->

  <xsl:template name="endnotes">
    <xsl:if test="$footnotes or $app-entries">
      <xsl:value-of select="concat('――――――――――――', $NL, $NL)"/>
    </xsl:if>
    <xsl:if test="$footnotes">
      <xsl:value-of select="concat('Notes', $NL, $NL)"/>
      <xsl:for-each select="$footnotes">
        <xsl:variable name="marked">
          <xsl:call-template name="bracketed">
            <xsl:with-param name="mark">
              <xsl:call-template name="footnote-mark"/>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:text> </xsl:text>
        </xsl:variable>
        <xsl:variable name="kind">
          <xsl:call-template name="note-content-kind"/>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$kind = 'blocks'">
            <xsl:value-of select="concat($marked, $NL)"/>
            <xsl:call-template name="block-children"><xsl:with-param name="path" select="concat('.n', position())"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="body">
              <xsl:call-template name="note-body">
                <xsl:with-param name="kind" select="$kind"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:call-template name="paragraph">
              <xsl:with-param name="text" select="concat(normalize-space($body), ' ')"/>
              <xsl:with-param name="first" select="$marked"/>
              <xsl:with-param name="indent" select="substring($spaces, 1, string-length($marked))"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="$app-entries">
      <xsl:value-of select="concat('Apparatus', $NL, $NL)"/>
      <xsl:for-each select="$app-entries">
        <xsl:variable name="marked">
          <xsl:call-template name="bracketed">
            <xsl:with-param name="mark">
              <xsl:call-template name="app-mark">
                <xsl:with-param name="number" select="position()"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:text> </xsl:text>
        </xsl:variable>
        <xsl:variable name="entry">
          <xsl:call-template name="app-entry"/>
        </xsl:variable>
        <xsl:call-template name="paragraph">
          <xsl:with-param name="text" select="concat(normalize-space(translate($entry, $BR, ' ')), ' ')"/>
          <xsl:with-param name="first" select="$marked"/>
          <xsl:with-param name="indent" select="substring($spaces, 1, string-length($marked))"/>
          <xsl:with-param name="blank" select="false()"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:value-of select="$NL"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
