<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI examples (egXML) as the XML source a reader would type: tags,
  attributes, comments and text written out, the example's own line breaks
  and indentation kept, its common indentation removed. The writers show the
  result as a code block (writer.xsl: w-code-block).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    exclude-result-prefixes="tei eg">

  <xsl:variable name="NL" select="'&#10;'"/>

  <!-- The source of the context egXML, dedented. -->
  <xsl:template name="egxml-text">
    <xsl:variable name="raw">
      <xsl:apply-templates mode="egxml"/>
    </xsl:variable>
    <xsl:call-template name="dedent">
      <xsl:with-param name="text" select="translate(string($raw), '&#9;&#13;', '  ')"/>
      <xsl:with-param name="first-inline" select="normalize-space(substring(string($raw), 1, 1)) != ''"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The text of a literal example (eg), dedented. -->
  <xsl:template name="literal-text">
    <xsl:call-template name="dedent">
      <xsl:with-param name="text" select="translate(string(.), '&#9;&#13;', '  ')"/>
      <xsl:with-param name="first-inline" select="normalize-space(substring(string(.), 1, 1)) != ''"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*" mode="egxml">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="namespace-uri() = 'http://www.tei-c.org/ns/Examples' or namespace-uri() = 'http://www.tei-c.org/ns/1.0'">
          <xsl:value-of select="local-name()"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="name()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat('&lt;', $name)"/>
    <xsl:for-each select="@*">
      <xsl:value-of select="concat(' ', name(), '=&quot;')"/>
      <xsl:call-template name="xml-escape">
        <xsl:with-param name="text" select="."/>
        <xsl:with-param name="attribute" select="true()"/>
      </xsl:call-template>
      <xsl:text>"</xsl:text>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">
        <xsl:text>&gt;</xsl:text>
        <xsl:apply-templates mode="egxml"/>
        <xsl:value-of select="concat('&lt;/', $name, '&gt;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>/&gt;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="egxml">
    <xsl:call-template name="xml-escape">
      <xsl:with-param name="text" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="comment()" mode="egxml">
    <xsl:value-of select="concat('&lt;!--', ., '--&gt;')"/>
  </xsl:template>

  <xsl:template match="processing-instruction()" mode="egxml">
    <xsl:value-of select="concat('&lt;?', name(), ' ', ., '?&gt;')"/>
  </xsl:template>

  <!-- & < > (and " in attributes) as entity references. -->
  <xsl:template name="xml-escape">
    <xsl:param name="text"/>
    <xsl:param name="attribute"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&amp;')">
        <xsl:call-template name="xml-escape">
          <xsl:with-param name="text" select="substring-before($text, '&amp;')"/>
          <xsl:with-param name="attribute" select="$attribute"/>
        </xsl:call-template>
        <xsl:text>&amp;amp;</xsl:text>
        <xsl:call-template name="xml-escape">
          <xsl:with-param name="text" select="substring-after($text, '&amp;')"/>
          <xsl:with-param name="attribute" select="$attribute"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($text, '&lt;')">
        <xsl:call-template name="xml-escape">
          <xsl:with-param name="text" select="substring-before($text, '&lt;')"/>
          <xsl:with-param name="attribute" select="$attribute"/>
        </xsl:call-template>
        <xsl:text>&amp;lt;</xsl:text>
        <xsl:call-template name="xml-escape">
          <xsl:with-param name="text" select="substring-after($text, '&lt;')"/>
          <xsl:with-param name="attribute" select="$attribute"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($text, '&gt;')">
        <xsl:call-template name="xml-escape">
          <xsl:with-param name="text" select="substring-before($text, '&gt;')"/>
          <xsl:with-param name="attribute" select="$attribute"/>
        </xsl:call-template>
        <xsl:text>&amp;gt;</xsl:text>
        <xsl:call-template name="xml-escape">
          <xsl:with-param name="text" select="substring-after($text, '&gt;')"/>
          <xsl:with-param name="attribute" select="$attribute"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$attribute and contains($text, '&quot;')">
        <xsl:value-of select="substring-before($text, '&quot;')"/>
        <xsl:text>&amp;quot;</xsl:text>
        <xsl:call-template name="xml-escape">
          <xsl:with-param name="text" select="substring-after($text, '&quot;')"/>
          <xsl:with-param name="attribute" select="$attribute"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $text without its blank first and last lines and without the
       indentation its lines share (all of them, or all but the first when the
       example starts on the line of its opening tag: $first-inline). -->
  <xsl:template name="dedent">
    <xsl:param name="text"/>
    <xsl:param name="first-inline"/>
    <xsl:variable name="trimmed">
      <xsl:call-template name="trim-blank-lines">
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rest" select="substring-after($trimmed, $NL)"/>
    <xsl:variable name="indent">
      <xsl:call-template name="min-indent">
        <xsl:with-param name="text" select="substring($trimmed, 1, string-length($trimmed) * number(not($first-inline))) "/>
        <xsl:with-param name="best" select="1000"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rest-indent">
      <xsl:call-template name="min-indent">
        <xsl:with-param name="text" select="$rest"/>
        <xsl:with-param name="best" select="1000"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not($first-inline)">
        <!-- Every line, the first one too; and the first line starts where
             the example starts, even when a text running over several lines
             leaves the others less indented ("<del>dead as a" / "dodo</del>"). -->
        <xsl:variable name="all">
          <xsl:call-template name="strip-indent">
            <xsl:with-param name="text" select="$trimmed"/>
            <xsl:with-param name="indent" select="$indent * number($indent != 1000)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="body" select="substring($all, 2)"/>
        <xsl:variable name="first" select="substring-before(concat($body, $NL), $NL)"/>
        <xsl:value-of select="substring($first, 1 + string-length(substring-before($first, substring(normalize-space($first), 1, 1))))"/>
        <xsl:value-of select="substring($body, string-length($first) + 1)"/>
      </xsl:when>
      <xsl:when test="not(contains($trimmed, $NL)) or $rest-indent = 0 or $rest-indent = 1000">
        <xsl:value-of select="$trimmed"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- The first line starts where the example starts: keep it as it is. -->
        <xsl:value-of select="substring-before($trimmed, $NL)"/>
        <xsl:call-template name="strip-indent">
          <xsl:with-param name="text" select="$rest"/>
          <xsl:with-param name="indent" select="$rest-indent"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="trim-blank-lines">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, $NL) and normalize-space(substring-before($text, $NL)) = ''">
        <xsl:call-template name="trim-blank-lines">
          <xsl:with-param name="text" select="substring-after($text, $NL)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="trim-end">
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $text without trailing white space. -->
  <xsl:template name="trim-end">
    <xsl:param name="text"/>
    <xsl:variable name="last" select="substring($text, string-length($text), 1)"/>
    <xsl:choose>
      <xsl:when test="$text != '' and normalize-space($last) = ''">
        <xsl:call-template name="trim-end">
          <xsl:with-param name="text" select="substring($text, 1, string-length($text) - 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The smallest indentation of the non-blank lines of $text. -->
  <xsl:template name="min-indent">
    <xsl:param name="text"/>
    <xsl:param name="best"/>
    <xsl:variable name="line" select="substring-before(concat($text, $NL), $NL)"/>
    <xsl:variable name="indent" select="string-length(substring-before($line, substring(normalize-space($line), 1, 1)))"/>
    <xsl:variable name="now">
      <xsl:choose>
        <xsl:when test="normalize-space($line) != '' and $indent &lt; $best">
          <xsl:value-of select="$indent"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$best"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($text, $NL)">
        <xsl:call-template name="min-indent">
          <xsl:with-param name="text" select="substring-after($text, $NL)"/>
          <xsl:with-param name="best" select="$now"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$now"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="strip-indent">
    <xsl:param name="text"/>
    <xsl:param name="indent"/>
    <xsl:variable name="line" select="substring-before(concat($text, $NL), $NL)"/>
    <xsl:value-of select="concat($NL, substring($line, $indent + 1))"/>
    <xsl:if test="contains($text, $NL)">
      <xsl:call-template name="strip-indent">
        <xsl:with-param name="text" select="substring-after($text, $NL)"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
