<?xml version="1.0" encoding="UTF-8"?>
<!--
  The one traversal of the TEI text, shared by every format.

  Each template here makes the editorial decision for one TEI element (what
  it is: a section, a paragraph, a quotation with marks, a footnote, a name
  linked to the register…) and hands the result to a writer primitive
  (writer.xsl lists them: w-container, w-para, w-styled, w-name…). The
  formats (html/, fo/, latex/, text/) implement those primitives and nothing
  that knows TEI. Adding a TEI element is one template here.

  Modes: "block" lays an element out as a block of its own; "inline" as part
  of a line. A block element met inside a line (a list in a paragraph) calls
  the same primitive with inline=true(), and the writer keeps the line whole
  (HTML: a span laid out as a block).

  The editorial policy (which side of a choice, del, add, the apparatus)
  lives in policy.xsl; rendition (@rend, @rendition, @style) in
  rendition.xsl; names and dates in names.xsl and dates.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:m="http://www.w3.org/1998/Math/MathML"
    exclude-result-prefixes="tei eg m">

  <!-- TEI elements the traversal knows: the ones shown as their content
       with no decision of their own, and the ones that have a template in
       one mode and may turn up in the other (a docAuthor in a line). Any
       other element is shown the same way but reported, once per element, as
       a warning. -->
  <xsl:variable name="transparent-names"
      select="concat(' seg phr cl m c g s w pc num measure measureGrp unit age addName forename surname genName',
                     ' nameLink roleName affiliation country region settlement district bloc geogName geogFeat offset',
                     ' location street postCode postBox email author editor publisher pubPlace biblScope edition',
                     ' imprint series monogr analytic respStmt resp funder sponsor principal idno date time rs name',
                     ' abbr expan sic corr orig reg subst damage restore secl mod redo undo retrace caesura rhyme',
                     ' lem rdg rdgGrp wit incipit explicit rubric finalRubric colophon locus msItem msContents',
                     ' textLang docEdition imprimatur dateline meeting listRelation relation citedRange catchwords',
                     ' foreign term mentioned distinct gloss emph desc said q quote cit soCalled title hi orgName',
                     ' placeName persName objectName event state trait occupation residence birth death floruit',
                     ' education faith langKnowledge nationality sex socecStatus persona person personGrp place org',
                     ' listPerson listPlace listOrg listBibl biblStruct bibl biblFull entry entryFree form orth pron',
                     ' hyph syll gramGrp pos sense def usage xr etym lang superEntry re oRef oVar pRef pVar castItem',
                     ' role roleDesc actor set view camera sound tech move u pause vocal kinesic incident writing',
                     ' shift annotationBlock docAuthor docDate docTitle docImprint titlePart titlePage byline salute',
                     ' signed trailer label speaker stage addrLine address caption figDesc figure graphic media',
                     ' head p ab l lg list item table row cell note ref ptr opener closer postscript argument epigraph',
                     ' front body back group text div div1 div2 div3 div4 div5 div6 div7 floatingText sp spGrp',
                     ' castList castGroup app choice gap supplied unclear del add surplus am ex space lb pb cb gb fw',
                     ' milestone anchor formula code ident gi att val tag eg msDesc msIdentifier repository',
                     ' altIdentifier msName institution collection physDesc objectDesc supportDesc support extent',
                     ' dimensions height width depth foliation collation condition layoutDesc layout handDesc',
                     ' handNote decoDesc decoNote additions bindingDesc binding sealDesc seal accMat history origin',
                     ' origDate origPlace provenance acquisition additional adminInfo recordHist source custodialHist',
                     ' custEvent surrogates msPart summary climate terrain population geo headLabel headItem material watermark signatures secFol catchwords ')"/>

  <!-- Elements that are not reading text: shown nowhere (binaryObject is
       reported; the others are metadata or links between parts). -->
  <xsl:template match="tei:index | tei:interp | tei:interpGrp | tei:span | tei:spanGrp | tei:link | tei:linkGrp
                       | tei:join | tei:joinGrp | tei:alt | tei:altGrp | tei:fs | tei:fLib | tei:fvLib | tei:certainty
                       | tei:precision | tei:respons | tei:witDetail | tei:binaryObject | tei:handShift | tei:timeline
                       | tei:listAnnotation | tei:specList | tei:specDesc | tei:attRef | tei:classRef | tei:elementRef
                       | tei:macroRef | tei:moduleRef | tei:dataRef | tei:divGen | tei:teiHeader | tei:standOff
                       | tei:metamark | tei:substJoin | tei:listTranspose | tei:listChange | tei:facsimile
                       | comment() | processing-instruction()"
      mode="block"/>
  <xsl:template match="tei:index | tei:interp | tei:interpGrp | tei:span | tei:spanGrp | tei:link | tei:linkGrp
                       | tei:join | tei:joinGrp | tei:alt | tei:altGrp | tei:fs | tei:fLib | tei:fvLib | tei:certainty
                       | tei:precision | tei:respons | tei:witDetail | tei:binaryObject | tei:handShift | tei:timeline
                       | tei:listAnnotation | tei:specList | tei:specDesc | tei:attRef | tei:classRef | tei:elementRef
                       | tei:macroRef | tei:moduleRef | tei:dataRef | tei:divGen | tei:teiHeader | tei:standOff
                       | tei:metamark | tei:substJoin | tei:listTranspose | tei:listChange | tei:facsimile
                       | comment() | processing-instruction()"
      mode="inline"/>

  <!-- ================================================================== -->
  <!-- Block mode: containers                                              -->
  <!-- ================================================================== -->

  <!-- Every block template takes $path, the place of its parent in the tree
       (".1.3.2"), and gives its children its own: concat($path, '.',
       position()). Paragraphs and headings take their ids from it: stable,
       and free (xsl:number would cost a novel a tenth of a second). -->

  <xsl:template match="tei:text" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="here" select="concat($path, '.', position())"/>
    <xsl:if test="$is-corpus and parent::tei:TEI">
      <!-- A document of a corpus: its title as a heading. -->
      <xsl:for-each select="..">
        <xsl:call-template name="w-heading">
          <xsl:with-param name="level" select="2"/>
          <xsl:with-param name="id">
            <xsl:call-template name="section-id"/>
          </xsl:with-param>
          <xsl:with-param name="text">
            <xsl:call-template name="document-title"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:call-template name="w-container">
      <xsl:with-param name="kind" select="'text'"/>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="path" select="$here"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group | tei:titlePage | tei:docTitle | tei:opener
                       | tei:closer | tei:postscript | tei:argument | tei:sp | tei:spGrp | tei:castList
                       | tei:castGroup | tei:listBibl | tei:address | tei:figure | tei:floatingText | tei:listPerson
                       | tei:listPlace | tei:listOrg | tei:msDesc | tei:biblFull | tei:div[not(tei:head)]
                       | tei:div1[not(tei:head)] | tei:div2[not(tei:head)] | tei:div3[not(tei:head)]
                       | tei:div4[not(tei:head)] | tei:div5[not(tei:head)] | tei:div6[not(tei:head)]
                       | tei:div7[not(tei:head)]" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1' or (* and not(text()[normalize-space()]))">
        <xsl:call-template name="w-container">
          <xsl:with-param name="kind">
            <xsl:choose>
              <xsl:when test="starts-with(local-name(), 'div')">division</xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="local-name()"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="class" select="string(@type)"/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="concat($path, '.', position())"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="para">
          <xsl:with-param name="role" select="local-name()"/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="$path"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A headed division: a section; its first head is its heading. -->
  <xsl:template match="tei:div[tei:head] | tei:div1[tei:head] | tei:div2[tei:head] | tei:div3[tei:head]
                       | tei:div4[tei:head] | tei:div5[tei:head] | tei:div6[tei:head] | tei:div7[tei:head]"
      mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:call-template name="w-container">
      <xsl:with-param name="kind" select="'section'"/>
      <xsl:with-param name="class" select="string(@type)"/>
      <xsl:with-param name="id">
        <xsl:call-template name="section-id"/>
      </xsl:with-param>
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="concat($path, '.', position())"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:head" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="division">
      <xsl:call-template name="is-division-head"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$division = '1' and not(preceding-sibling::tei:head) and not($inline)">
        <xsl:call-template name="w-heading">
          <xsl:with-param name="level">
            <xsl:call-template name="heading-level"/>
          </xsl:with-param>
          <xsl:with-param name="id">
            <xsl:call-template name="block-id">
              <xsl:with-param name="prefix" select="'h'"/>
              <xsl:with-param name="path" select="$path"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="para">
          <xsl:with-param name="role" select="'head'"/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="$path"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Block mode: paragraphs and lines                                    -->
  <!-- ================================================================== -->

  <!-- A paragraph-like block: its role, its alignment (the title page is
       centred, datelines and signatures stand right, @rend can say), its
       rendition, its id. Written with XPath expressions rather than
       template calls where it can: this runs for every paragraph. -->
  <xsl:template name="para">
    <xsl:param name="role" select="local-name()"/>
    <xsl:param name="inline"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:param name="path"/>
    <xsl:variable name="own-id"
        select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
    <xsl:variable name="numbered" select="$own-id = '' and $path != '' and ($role = 'p' or $role = 'head' or $role = 'ab')"/>
    <xsl:variable name="id"
        select="concat($own-id, substring(concat(substring('ph', 1 + number($role = 'head'), 1), $path, '.', position()), 1,
                                          1000 * number($numbered)))"/>
    <xsl:variable name="centre"
        select="contains(' titlePart docAuthor docDate docEdition docImprint byline trailer imprimatur ', concat(' ', $role, ' '))
                or ($role != 'p' and (ancestor::tei:titlePage or (ancestor::tei:front and $role = 'head')))"/>
    <xsl:variable name="end" select="$role = 'dateline' or $role = 'signed'"/>
    <xsl:variable name="justify" select="$role = 'p' or $role = 'ab'"/>
    <xsl:variable name="align"
        select="concat(substring('center', 1, 6 * number($centre)), substring('end', 1, 3 * number($end and not($centre))),
                       substring('justify', 1, 7 * number($justify and not($centre or $end))),
                       substring('start', 1, 5 * number(not($centre or $end or $justify))))"/>
    <xsl:choose>
      <xsl:when test="@rend or @rendition or @style or $tag-renditions">
        <xsl:variable name="tokens">
          <xsl:call-template name="rend-tokens"/>
        </xsl:variable>
        <xsl:call-template name="w-para">
          <xsl:with-param name="role" select="$role"/>
          <xsl:with-param name="align">
            <xsl:choose>
              <xsl:when test="contains($tokens, ' center ')">center</xsl:when>
              <xsl:when test="contains($tokens, ' right ')">end</xsl:when>
              <xsl:when test="contains($tokens, ' left ')">start</xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$align"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="tokens" select="string($tokens)"/>
          <xsl:with-param name="css">
            <xsl:if test="@style or @rendition">
              <xsl:call-template name="rend-css"/>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="lang" select="string(@xml:lang)"/>
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="inline" select="$inline"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="w-para">
          <xsl:with-param name="role" select="$role"/>
          <xsl:with-param name="align" select="$align"/>
          <xsl:with-param name="tokens" select="' '"/>
          <xsl:with-param name="css" select="''"/>
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="lang" select="string(@xml:lang)"/>
          <xsl:with-param name="nodes" select="$nodes"/>
          <xsl:with-param name="inline" select="$inline"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph with no attributes goes straight to the writer's w-p
       (7,000 of them in a long novel): a call with one parameter instead of
       w-para's eight, and a single test to get there. Each XPath evaluation
       here costs a novel some milliseconds. -->
  <xsl:template match="tei:p" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="not(@* or $inline) and $plain-paragraphs">
        <xsl:call-template name="w-p">
          <xsl:with-param name="id" select="concat('p', $path, '.', position())"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="paragraph-like">
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="$path"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- No element-wide rendition and no word-level TEI: paragraphs can take
       the short way (see above). -->
  <xsl:variable name="plain-paragraphs" select="not($tag-renditions or $has-words)"/>

  <xsl:template match="tei:ab | tei:titlePart | tei:docAuthor | tei:docDate | tei:docEdition | tei:docImprint
                       | tei:byline | tei:dateline | tei:salute | tei:signed | tei:trailer | tei:speaker | tei:label
                       | tei:addrLine | tei:imprimatur | tei:meeting | tei:caption | tei:docTitle/tei:title
                       | tei:bibl | tei:biblStruct | tei:stage | tei:castItem | tei:roleDesc | tei:incipit
                       | tei:explicit | tei:rubric | tei:finalRubric | tei:colophon | tei:entry | tei:entryFree
                       | tei:person | tei:place | tei:org | tei:event" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:call-template name="paragraph-like">
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="$path"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A paragraph, or a container when it holds only blocks (a p holding a
       list and nothing else). -->
  <xsl:template name="paragraph-like">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1'">
        <xsl:call-template name="w-container">
          <xsl:with-param name="kind" select="local-name()"/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="concat($path, '.', position())"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="para">
          <xsl:with-param name="role" select="local-name()"/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="$path"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Verse: a group of lines, a line. -->
  <xsl:template match="tei:lg" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:call-template name="w-verse">
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="lang" select="string(@xml:lang)"/>
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="concat($path, '.', position())"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:l" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:call-template name="w-line">
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="lang" select="string(@xml:lang)"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Quotations: a block when the TEI says so (@rend block/display), when
       it holds paragraphs or verse, or when it stands between paragraphs;
       otherwise inline with quotation marks (quote-marks below). -->
  <xsl:template name="is-block-quote">
    <xsl:variable name="rend" select="concat(' ', translate(normalize-space(@rend), $upper, $lower), ' ')"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:if test="not(contains($rend, ' inline ')) and (contains($rend, ' block ') or contains($rend, ' display ')
                  or $blocks = '1' or tei:p or tei:lg or tei:l or tei:list or tei:table or tei:sp
                  or parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3 or parent::tei:div4
                  or parent::tei:div5 or parent::tei:div6 or parent::tei:div7 or parent::tei:body
                  or parent::tei:front or parent::tei:back or parent::tei:epigraph or parent::tei:floatingText
                  or (parent::tei:cit and ../parent::*[self::tei:div or self::tei:div1 or self::tei:div2
                      or self::tei:div3 or self::tei:div4 or self::tei:body or self::tei:epigraph]))">1</xsl:if>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="block">
      <xsl:call-template name="is-block-quote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = '1'">
        <xsl:call-template name="block-quote">
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="concat($path, '.', position())"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="para">
          <xsl:with-param name="role" select="'p'"/>
          <xsl:with-param name="nodes" select="."/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="$path"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="block-quote">
    <xsl:param name="inline"/>
    <xsl:param name="role" select="local-name()"/>
    <xsl:param name="path"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:call-template name="w-quote-block">
      <xsl:with-param name="role" select="$role"/>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="lang" select="string(@xml:lang)"/>
      <xsl:with-param name="blocks" select="$blocks = '1' or (* and not(text()[normalize-space()])
                                            and (self::tei:epigraph or self::tei:cit))"/>
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="$path"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:epigraph" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:call-template name="block-quote">
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="concat($path, '.', position())"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A citation: a block quotation with its source when its quotation is a
       block, else a line. -->
  <xsl:template match="tei:cit" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="rend" select="concat(' ', translate(normalize-space(@rend), $upper, $lower), ' ')"/>
    <xsl:variable name="quote-block">
      <xsl:for-each select="(tei:quote | tei:q)[1]">
        <xsl:call-template name="is-block-quote"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($rend, ' display ') or contains($rend, ' block ') or $quote-block = '1'
                      or ((tei:quote | tei:q) and (parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:body
                          or parent::tei:epigraph or parent::tei:div3 or parent::tei:div4))">
        <xsl:call-template name="block-quote">
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="concat($path, '.', position())"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="para">
          <xsl:with-param name="role" select="'p'"/>
          <xsl:with-param name="nodes" select="."/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="$path"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Lists: kind and labels are decided in structure.xsl (list-kind). -->
  <xsl:template match="tei:list" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:call-template name="w-list">
      <xsl:with-param name="kind">
        <xsl:call-template name="list-kind"/>
      </xsl:with-param>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="lang" select="string(@xml:lang)"/>
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="concat($path, '.', position())"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The items of a list (context: list), each through w-item. Called by
       the writer's w-list. A label with no item after it is an item of its
       own; headLabel/headItem head a gloss list. -->
  <xsl:template name="list-items">
    <xsl:param name="kind"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:for-each select="tei:item | tei:label[not(following-sibling::*[1][self::tei:item])] | tei:headItem">
      <xsl:variable name="label-node"
          select="preceding-sibling::*[1][self::tei:label or self::tei:headLabel] | self::tei:label"/>
      <xsl:variable name="blocks" select="boolean(*[contains($structural-names, concat(' ', local-name(), ' '))])"/>
      <xsl:call-template name="w-item">
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="label">
          <xsl:if test="not($label-node)">
            <xsl:call-template name="item-label">
              <xsl:with-param name="kind" select="$kind"/>
              <xsl:with-param name="position" select="count(preceding-sibling::tei:item) + 1"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="label-nodes" select="$label-node/node()"/>
        <xsl:with-param name="nodes" select="self::tei:item/node() | self::tei:headItem/node()"/>
        <xsl:with-param name="blocks" select="$blocks"/>
        <xsl:with-param name="head" select="boolean(self::tei:headItem)"/>
        <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
        <xsl:with-param name="inline" select="$inline"/>
        <xsl:with-param name="path" select="concat($path, '.i', position())"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The children of a list that are neither items nor labels nor heads
       (a note, a pb, a trailer): shown after it. -->
  <xsl:template name="list-extras">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:apply-templates select="*[not(self::tei:item or self::tei:label or self::tei:head or self::tei:headLabel
                                 or self::tei:headItem)]" mode="block">
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="concat($path, '.x')"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- The heads of a list, an apparatus of verse… (context: the element). -->
  <xsl:template name="heads">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:apply-templates select="tei:head" mode="block">
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="concat($path, '.h')"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- Tables. -->
  <xsl:template match="tei:table" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:call-template name="w-table">
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="columns">
        <xsl:call-template name="table-columns"/>
      </xsl:with-param>
      <xsl:with-param name="caption" select="tei:head"/>
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="concat($path, '.', position())"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The rows of a table (context: table), each through w-row. -->
  <xsl:template name="table-rows">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:for-each select="tei:row[tei:cell]">
      <xsl:call-template name="w-row">
        <xsl:with-param name="header" select="@role = 'label'"/>
        <xsl:with-param name="inline" select="$inline"/>
        <xsl:with-param name="path" select="concat($path, '.r', position())"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The cells of a row (context: row), each through w-cell. -->
  <xsl:template name="row-cells">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:for-each select="tei:cell">
      <xsl:variable name="blocks">
        <xsl:call-template name="has-blocks"/>
      </xsl:variable>
      <xsl:call-template name="w-cell">
        <xsl:with-param name="header" select="@role = 'label' or ../@role = 'label'"/>
        <xsl:with-param name="cols">
          <xsl:choose>
            <xsl:when test="number(@cols) &gt; 1">
              <xsl:value-of select="number(@cols)"/>
            </xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:choose>
            <xsl:when test="number(@rows) &gt; 1">
              <xsl:value-of select="number(@rows)"/>
            </xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="blocks" select="$blocks = '1'"/>
        <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
        <xsl:with-param name="inline" select="$inline"/>
        <xsl:with-param name="path" select="concat($path, '.c', position())"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- Notes between paragraphs (the notes at the back of a novel): numbered,
       linked back to the pointers that call them. A footnote met at block
       level (a note alone in a list or a quotation) keeps its mark. -->
  <xsl:template match="tei:note" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="footnote">
      <xsl:call-template name="is-footnote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = '1' or @place = 'inline' or ancestor::tei:note or parent::tei:app or ancestor::tei:rdg">
        <xsl:call-template name="para">
          <xsl:with-param name="role" select="'note-call'"/>
          <xsl:with-param name="nodes" select="."/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="$path"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="block-note">
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="concat($path, '.', position())"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="block-note">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="kind">
      <xsl:call-template name="note-content-kind"/>
    </xsl:variable>
    <xsl:call-template name="w-note-block">
      <xsl:with-param name="mark">
        <xsl:call-template name="block-note-mark"/>
      </xsl:with-param>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="content" select="string($kind)"/>
      <xsl:with-param name="callers" select="key('pointers-to', @xml:id)"/>
      <xsl:with-param name="inline" select="$inline"/>
      <xsl:with-param name="path" select="$path"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Furniture and breaks between blocks. -->
  <xsl:template match="tei:fw" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:if test="$show-furniture">
      <xsl:call-template name="para">
        <xsl:with-param name="role" select="'fw'"/>
        <xsl:with-param name="inline" select="$inline"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="block">
    <xsl:param name="inline"/>
    <xsl:if test="$show-furniture">
      <xsl:call-template name="w-pb">
        <xsl:with-param name="n" select="normalize-space(@n)"/>
        <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
        <xsl:with-param name="block" select="not($inline)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="block">
    <xsl:param name="inline"/>
    <xsl:call-template name="w-separator">
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="block" select="not($inline)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lb | tei:cb | tei:gb | tei:anchor" mode="block">
    <xsl:if test="@xml:id">
      <xsl:call-template name="w-anchor">
        <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Examples of TEI (egXML) and literal examples (eg): code blocks. -->
  <xsl:template match="eg:egXML | tei:eg" mode="block">
    <xsl:param name="inline"/>
    <xsl:call-template name="w-code-block">
      <xsl:with-param name="code">
        <xsl:choose>
          <xsl:when test="self::eg:egXML">
            <xsl:call-template name="egxml-text"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="literal-text"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Mathematics: MathML passed to writers that show it, else its text. -->
  <xsl:template match="m:math" mode="block">
    <xsl:call-template name="w-math">
      <xsl:with-param name="display" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:formula" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="m:math">
        <xsl:apply-templates select="m:math" mode="block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="para">
          <xsl:with-param name="role" select="'formula'"/>
          <xsl:with-param name="inline" select="$inline"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="block">
    <xsl:param name="inline"/>
    <xsl:if test="normalize-space()">
      <xsl:call-template name="w-para">
        <xsl:with-param name="role" select="'text'"/>
        <xsl:with-param name="align" select="'start'"/>
        <xsl:with-param name="tokens" select="' '"/>
        <xsl:with-param name="css" select="''"/>
        <xsl:with-param name="id" select="''"/>
        <xsl:with-param name="lang" select="''"/>
        <xsl:with-param name="nodes" select="."/>
        <xsl:with-param name="inline" select="$inline"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Anything else as a block: a container of blocks, or a paragraph of its
       inline rendering; reported when the traversal does not know it. -->
  <xsl:template match="*" mode="block">
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1'">
        <xsl:call-template name="report-unknown"/>
        <xsl:call-template name="w-container">
          <xsl:with-param name="kind" select="'other'"/>
          <xsl:with-param name="class" select="local-name()"/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="concat($path, '.', position())"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="normalize-space() = '' and not(.//tei:gap or .//tei:pb or .//tei:milestone or .//tei:graphic
                      or .//tei:media or .//m:math)">
        <xsl:call-template name="report-unknown"/>
        <xsl:if test="@xml:id">
          <xsl:call-template name="w-anchor">
            <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="w-para">
          <xsl:with-param name="role" select="'other'"/>
          <xsl:with-param name="align" select="'start'"/>
          <xsl:with-param name="tokens" select="' '"/>
          <xsl:with-param name="css" select="''"/>
          <xsl:with-param name="id" select="''"/>
          <xsl:with-param name="lang" select="''"/>
          <xsl:with-param name="nodes" select="."/>
          <xsl:with-param name="inline" select="$inline"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A warning for an element the traversal has no decision for. -->
  <xsl:template name="report-unknown">
    <xsl:if test="not(contains($transparent-names, concat(' ', local-name(), ' ')) and namespace-uri() = 'http://www.tei-c.org/ns/1.0')">
      <xsl:message terminate="no">
        <xsl:value-of select="concat('tei-warning: unknown element &lt;', name(), '&gt;: its text is shown plainly')"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Inline mode                                                         -->
  <!-- ================================================================== -->

  <!-- A block inside a line (a list or verse in a paragraph): the block
       primitive, told that it stands in a line. -->
  <xsl:template match="tei:p | tei:ab | tei:l | tei:lg | tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4
                       | tei:div5 | tei:div6 | tei:div7 | tei:floatingText | tei:sp | tei:castList | tei:listBibl
                       | tei:figure | tei:titlePage | tei:list | tei:table | tei:listPerson | tei:listPlace
                       | tei:listOrg | tei:epigraph | eg:egXML | tei:eg | tei:head" mode="inline">
    <xsl:call-template name="block-in-line"/>
  </xsl:template>

  <!-- The block template of the context element, told that it stands in a
       line; its place in the tree stands for the path it was not given, so
       that the ids of what it holds stay unique. -->
  <xsl:template name="block-in-line">
    <xsl:variable name="place">
      <xsl:call-template name="tree-place"/>
    </xsl:variable>
    <xsl:apply-templates select="." mode="block">
      <xsl:with-param name="inline" select="true()"/>
      <xsl:with-param name="path" select="concat('.t', $place)"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- Items, rows, cells met outside their list or table: their content. -->
  <xsl:template match="tei:item | tei:row | tei:cell | tei:label[parent::tei:list]" mode="inline">
    <xsl:call-template name="w-string">
      <xsl:with-param name="text" select="' '"/>
    </xsl:call-template>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- Rendition: hi and the elements a print would set in italics. A hi that
       says nothing of how it looked (no @rend, @rendition, @style, no
       rendition for hi in the header) is italic, the usual highlighting of
       print (ELTeC's bare <hi>); a rendition this vocabulary does not know
       is left plain. -->
  <xsl:template match="tei:hi" mode="inline">
    <xsl:choose>
      <xsl:when test="not(@*) and $plain-paragraphs">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="tokens" select="' italic '"/>
          <xsl:with-param name="class" select="'hi'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="count(@*) = 1 and contains($canonical-tokens, concat(' ', @rend, ' ')) and $plain-paragraphs">
        <!-- The commonest case (a novel's hi rend="italic"): the @rend is
             already a token and nothing else is said; straight to the writer. -->
        <xsl:call-template name="w-styled">
          <xsl:with-param name="tokens" select="concat(' ', @rend, ' ')"/>
          <xsl:with-param name="class" select="'hi'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="styled">
          <xsl:with-param name="default"
              select="substring(' italic ', 1, 8 * number(not(@rend or @rendition or @style or $tag-renditions[@gi = 'hi'])))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:term | tei:mentioned | tei:distinct | tei:gloss
                       | tei:title[not(@level = 'a' or @level = 'u')] | tei:stage | tei:orth" mode="inline">
    <!-- Italic, except in a script that has none (Chinese, Japanese, Korean:
         languages.xsl's $upright-langs), where slanting would fake it. -->
    <xsl:call-template name="styled">
      <xsl:with-param name="default"
          select="substring(' italic ', 1, 8 * number(not(@xml:lang) or not(contains($upright-langs, concat(' ', substring-before(concat(translate(@xml:lang, $upper, $lower), '-'), '-'), ' ')))))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:code | tei:ident | tei:formula[not(m:math)]" mode="inline">
    <xsl:call-template name="styled">
      <xsl:with-param name="default" select="' mono '"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The names of the TEI's own documentation: <gi>, @att, "val", <tag>. -->
  <xsl:template match="tei:gi | tei:att | tei:val | tei:tag" mode="inline">
    <xsl:call-template name="styled">
      <xsl:with-param name="default" select="' mono '"/>
      <xsl:with-param name="before">
        <xsl:choose>
          <xsl:when test="self::tei:gi">&lt;</xsl:when>
          <xsl:when test="self::tei:att">@</xsl:when>
          <xsl:when test="self::tei:val">"</xsl:when>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="after">
        <xsl:choose>
          <xsl:when test="self::tei:gi">&gt;</xsl:when>
          <xsl:when test="self::tei:val">"</xsl:when>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- An element with its rendition: the writer's w-styled, with $default
       tokens (italic for emph…) unless the rendition says upright. A lone
       @rend word (ELTeC's hi rend="italic") is looked up without a template
       call: this runs for every hi of a novel. -->
  <xsl:template name="styled">
    <xsl:param name="default"/>
    <xsl:param name="before"/>
    <xsl:param name="after"/>
    <xsl:param name="class" select="local-name()"/>
    <xsl:variable name="word" select="translate(normalize-space(@rend), $upper, $lower)"/>
    <xsl:choose>
      <xsl:when test="not(@rendition or @style or $tag-renditions or contains($word, ' '))
                      and ($word = '' or contains($rend-table, concat(' ', $word, '=')))">
        <xsl:variable name="token" select="substring-before(substring-after($rend-table, concat(' ', $word, '=')), ' ')"/>
        <xsl:call-template name="w-styled">
          <xsl:with-param name="tokens" select="concat(' ', normalize-space(concat(substring($default, 1, string-length($default) * number($token != 'upright')), ' ', $token)), ' ')"/>
          <xsl:with-param name="css" select="''"/>
          <xsl:with-param name="class" select="$class"/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
          <xsl:with-param name="lang" select="string(@xml:lang)"/>
          <xsl:with-param name="before" select="$before"/>
          <xsl:with-param name="after" select="$after"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="own">
          <xsl:call-template name="rend-tokens"/>
        </xsl:variable>
        <xsl:call-template name="w-styled">
          <xsl:with-param name="tokens">
            <xsl:choose>
              <xsl:when test="contains($own, ' upright ')">
                <xsl:value-of select="$own"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="concat(' ', normalize-space(concat($default, ' ', $own)), ' ')"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="css">
            <xsl:if test="@style or @rendition">
              <xsl:call-template name="rend-css"/>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="class" select="$class"/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
          <xsl:with-param name="lang" select="string(@xml:lang)"/>
          <xsl:with-param name="before" select="$before"/>
          <xsl:with-param name="after" select="$after"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Quotation, speech, so-called, article titles: marks by language and
       depth ("…" outside, '…' inside, « » in French…), unless the TEI says
       none (said direct="false", @rend none/unquoted/block) or the source
       already has them. -->
  <xsl:template match="tei:q | tei:said | tei:quote | tei:soCalled | tei:title[@level = 'a' or @level = 'u']"
      mode="inline">
    <xsl:variable name="block">
      <xsl:if test="not(self::tei:soCalled or self::tei:title)">
        <xsl:call-template name="is-block-quote"/>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = '1'">
        <xsl:variable name="place">
          <xsl:call-template name="tree-place"/>
        </xsl:variable>
        <xsl:call-template name="block-quote">
          <xsl:with-param name="inline" select="true()"/>
          <xsl:with-param name="path" select="concat('.t', $place)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="marks">
          <xsl:call-template name="quotation-marks"/>
        </xsl:variable>
        <xsl:call-template name="styled">
          <xsl:with-param name="before" select="substring-before($marks, '|')"/>
          <xsl:with-param name="after" select="substring-after($marks, '|')"/>
          <xsl:with-param name="class" select="concat('quotation ', local-name())"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Characters that open or close a quotation in some language. -->
  <xsl:variable name="quote-chars">“”‘’"'«»„‚「」『』‹›</xsl:variable>

  <!-- "open|close" for an inline quotation ("|" when it gets none). -->
  <xsl:template name="quotation-marks">
    <xsl:variable name="rend" select="concat(' ', translate(normalize-space(@rend), $upper, $lower), ' ')"/>
    <xsl:variable name="first" select="substring(normalize-space(.), 1, 1)"/>
    <xsl:variable name="last" select="substring(normalize-space(.), string-length(normalize-space(.)), 1)"/>
    <xsl:choose>
      <xsl:when test="contains($rend, 'pre(') or contains($rend, 'post(')">
        <xsl:value-of select="concat(substring-before(substring-after(@rend, 'pre('), ')'), '|',
                                     substring-before(substring-after(@rend, 'post('), ')'))"/>
      </xsl:when>
      <xsl:when test="(self::tei:said and @direct = 'false') or contains($rend, ' none ') or contains($rend, ' unquoted ')
                      or contains($rend, ' noquotes ') or contains($rend, ' plain ') or contains($rend, ' block ')
                      or contains($rend, ' display ') or normalize-space(.) = ''
                      or (contains($quote-chars, $first) and contains($quote-chars, $last))">|</xsl:when>
      <xsl:when test="contains($rend, ' dq ') or contains($rend, ' double ') or contains($rend, 'double-quote')">“|”</xsl:when>
      <xsl:when test="contains($rend, ' sq ') or contains($rend, ' single ') or contains($rend, 'single-quote')">‘|’</xsl:when>
      <xsl:when test="contains($rend, 'guillemet')">«|»</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="table">
          <xsl:call-template name="quote-marks"/>
        </xsl:variable>
        <xsl:variable name="depth"
            select="count(ancestor::tei:q | ancestor::tei:said | ancestor::tei:quote | ancestor::tei:soCalled) mod 2"/>
        <xsl:choose>
          <xsl:when test="$depth = 1">
            <xsl:value-of select="substring-after(substring-after($table, '|'), '|')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat(substring-before($table, '|'), '|',
                                         substring-before(substring-after($table, '|'), '|'))"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A citation in a line: its quotation, then its source. -->
  <xsl:template match="tei:cit" mode="inline">
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1 and not(preceding-sibling::node()[1][self::text()][normalize-space() = '' and string-length() &gt; 0])">
        <xsl:call-template name="w-string">
          <xsl:with-param name="text" select="' '"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="." mode="inline"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The parts of a name, a bibliographic record, a manuscript's
       identifier, a measurement or an address with no space between them
       ("<forename>Juliette</forename><surname>Adam</surname>",
       "<height>327</height><width>236</width>"): a space, so that their words
       do not run together. -->
  <xsl:template match="tei:forename | tei:surname | tei:roleName | tei:addName | tei:genName | tei:nameLink
                       | tei:analytic | tei:monogr | tei:imprint | tei:author[parent::tei:bibl or parent::tei:biblStruct
                       or parent::tei:analytic or parent::tei:monogr] | tei:editor | tei:publisher | tei:pubPlace
                       | tei:biblScope | tei:street | tei:postCode | tei:settlement[parent::tei:address]
                       | tei:country[parent::tei:address] | tei:name[parent::tei:address]
                       | tei:idno[parent::tei:bibl or parent::tei:biblStruct or parent::tei:monogr or parent::tei:analytic
                       or parent::tei:series or parent::tei:imprint] | tei:msIdentifier/* | tei:altIdentifier/*
                       | tei:dimensions/* | tei:measureGrp/*" mode="inline">
    <xsl:if test="preceding-sibling::node()[1][self::*]">
      <xsl:call-template name="w-string">
        <xsl:with-param name="text" select="' '"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="transparent"/>
  </xsl:template>

  <!-- An identifier inside a name is not part of what the text says. -->
  <xsl:template match="tei:idno[parent::tei:persName or parent::tei:orgName or parent::tei:placeName
                       or parent::tei:name or parent::tei:author or parent::tei:editor]" mode="inline"/>

  <!-- A name or rs that says neither what it names nor where its entry is
       (ELTeC level 2 has thousands): just its words. -->
  <xsl:template match="tei:rs[not(@ref)][not(@type)][not(@xml:id)] | tei:name[not(@ref)][not(@type)][not(@xml:id)]"
      mode="inline">
    <xsl:apply-templates mode="words"/>
  </xsl:template>

  <!-- Names: their kind, their register entry, a stable id for each mention. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs" mode="inline">
    <xsl:variable name="kind">
      <xsl:call-template name="name-kind"/>
    </xsl:variable>
    <xsl:variable name="entity">
      <xsl:call-template name="entity-id"/>
    </xsl:variable>
    <xsl:variable name="nested"
        select="ancestor::tei:ref[@target] or ancestor::tei:ptr
                or ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName
                                     or self::tei:name or self::tei:rs]"/>
    <xsl:variable name="external">
      <xsl:if test="$entity = '' and @ref and not(starts-with(normalize-space(@ref), '#'))">
        <xsl:call-template name="safe-target">
          <xsl:with-param name="target" select="@ref"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="uncertain" select="not(@ref) and (@cert = 'low' or @cert = 'unknown' or @cert = 'medium')"/>
    <xsl:variable name="indexed"
        select="$has-index and ($entity != '' or (not(@ref) and (self::tei:persName or self::tei:placeName or self::tei:orgName)))"/>
    <xsl:choose>
      <xsl:when test="$kind = '' and $entity = '' and $external = '' and not(@xml:id) and not(@xml:lang) and not(@rend)">
        <xsl:call-template name="transparent"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="w-name">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="entity">
            <xsl:if test="$entity != '' and $has-index and not($nested)">
              <xsl:value-of select="$entity"/>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="url">
            <xsl:if test="not($nested)">
              <xsl:choose>
                <xsl:when test="$external != ''">
                  <xsl:value-of select="$external"/>
                </xsl:when>
                <xsl:when test="$entity != '' and not($has-index)">
                  <xsl:for-each select="key('entity', $entity)/tei:idno[1]">
                    <xsl:call-template name="authority-url"/>
                  </xsl:for-each>
                </xsl:when>
              </xsl:choose>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="mention-id">
            <xsl:if test="$w-mention-ids and ($indexed or @xml:id)">
              <xsl:call-template name="mention-id"/>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="title">
            <xsl:call-template name="name-title">
              <xsl:with-param name="kind" select="$kind"/>
              <xsl:with-param name="entity" select="$entity"/>
              <xsl:with-param name="uncertain" select="$uncertain"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="uncertain" select="$uncertain"/>
          <xsl:with-param name="tokens">
            <xsl:if test="@rend or @rendition or @style or $tag-renditions">
              <xsl:call-template name="rend-tokens"/>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="lang" select="string(@xml:lang)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Dates: both calendars in words, and the other calendar shown after the
       date when the text does not already give it (dates.xsl: date-gloss). -->
  <xsl:template match="tei:date | tei:time" mode="inline">
    <xsl:variable name="description">
      <xsl:call-template name="date-description"/>
    </xsl:variable>
    <xsl:call-template name="w-date">
      <xsl:with-param name="datetime">
        <xsl:call-template name="html-datetime"/>
      </xsl:with-param>
      <xsl:with-param name="description" select="normalize-space($description)"/>
      <xsl:with-param name="calendar">
        <xsl:choose>
          <xsl:when test="contains(@calendar, 'julian') or contains(@calendar, 'Julian')">julian</xsl:when>
          <xsl:when test="contains($description, '(Julian)')">dual</xsl:when>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="gloss">
        <xsl:if test="contains($description, '(Julian)') and not(ancestor::tei:note[@type = 'calendar'])">
          <xsl:call-template name="date-gloss"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="tokens">
        <xsl:if test="@rend or @rendition or @style or $tag-renditions">
          <xsl:call-template name="rend-tokens"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="lang" select="string(@xml:lang)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Links: internal (to an element of the text or the register), external
       (web and mail addresses only), none (a link inside a link). -->
  <xsl:template match="tei:ref | tei:ptr" mode="inline">
    <xsl:variable name="nested"
        select="ancestor::tei:ref[@target] or ancestor::tei:ptr
                or ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName
                                     or self::tei:name or self::tei:rs]"/>
    <xsl:variable name="target">
      <xsl:call-template name="safe-target">
        <xsl:with-param name="target" select="@target"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="internal">
      <xsl:if test="starts-with($target, '#')">
        <xsl:call-template name="internal-target">
          <xsl:with-param name="target" select="$target"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="text">
      <xsl:if test="self::tei:ptr or normalize-space(.) = ''">
        <xsl:call-template name="pointer-text">
          <xsl:with-param name="target" select="$target"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$nested or ($target = '' and not(@xml:id)) or (starts-with($target, '#') and $internal = '')">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="class" select="'ref'"/>
          <xsl:with-param name="before" select="$text"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="w-link">
          <xsl:with-param name="target-id" select="$internal"/>
          <xsl:with-param name="url">
            <xsl:if test="not(starts-with($target, '#'))">
              <xsl:value-of select="$target"/>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="id">
            <xsl:choose>
              <xsl:when test="starts-with($target, '#') and key('xml-id', substring($target, 2))[1][self::tei:note][not(ancestor::tei:note)]">
                <xsl:call-template name="out-id">
                  <xsl:with-param name="prefix" select="'ref.'"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="id-if-any"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What an empty pointer shows: the heading of the division it points
       to, the mark of a note, else the address itself. -->
  <xsl:template name="pointer-text">
    <xsl:param name="target"/>
    <xsl:variable name="element" select="key('xml-id', substring-after($target, '#'))[1][starts-with($target, '#')]"/>
    <xsl:choose>
      <xsl:when test="$element[tei:head]">
        <xsl:for-each select="$element">
          <xsl:call-template name="heading-text"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$element/tei:head or $element[self::tei:figure or self::tei:table]">
        <xsl:value-of select="normalize-space($element/tei:head[1])"/>
      </xsl:when>
      <xsl:when test="$element[normalize-space(@n) != '']">
        <xsl:value-of select="normalize-space($element/@n)"/>
      </xsl:when>
      <xsl:when test="$element">
        <xsl:text>↗</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$target"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Notes in a line: a footnote mark (the writer places the note's text),
       an inline note in parentheses, a displayed note as a block. -->
  <xsl:template match="tei:note" mode="inline">
    <xsl:variable name="footnote">
      <xsl:call-template name="is-footnote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = '1'">
        <xsl:variable name="number">
          <xsl:call-template name="footnote-number"/>
        </xsl:variable>
        <xsl:call-template name="w-noteref">
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="mark">
            <xsl:call-template name="footnote-mark"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@place = 'inline' or ancestor::tei:note or parent::tei:app or ancestor::tei:rdg">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="class" select="'note-inline'"/>
          <xsl:with-param name="before" select="' ('"/>
          <xsl:with-param name="after" select="')'"/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="place">
          <xsl:call-template name="tree-place"/>
        </xsl:variable>
        <xsl:call-template name="block-note">
          <xsl:with-param name="inline" select="true()"/>
          <xsl:with-param name="path" select="concat('.t', $place)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The content of a footnote (context: the note), for the writer to place
       in its footnote, endnote or notes section. -->
  <xsl:template name="note-body">
    <xsl:param name="kind">
      <xsl:call-template name="note-content-kind"/>
    </xsl:param>
    <xsl:choose>
      <xsl:when test="$kind = 'missing'">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="class" select="'gap-note'"/>
          <xsl:with-param name="before" select="'note text not in source'"/>
          <xsl:with-param name="nodes" select="/.."/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'blocks'">
        <xsl:variable name="place">
          <xsl:call-template name="tree-place"/>
        </xsl:variable>
        <xsl:call-template name="block-children">
          <xsl:with-param name="path" select="concat('.n', $place)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line-content"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Furniture and breaks in a line. -->
  <xsl:template match="tei:fw" mode="inline">
    <xsl:if test="$show-furniture">
      <xsl:call-template name="w-styled">
        <xsl:with-param name="class" select="concat('fw fw-', @type)"/>
        <xsl:with-param name="title" select="concat('Page furniture', substring(concat(' (', @type, ')'), 1,
                                             1000 * number(boolean(@type))), ', not part of the text')"/>
        <xsl:with-param name="before" select="' '"/>
        <xsl:with-param name="after" select="' '"/>

      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:if test="$show-furniture">
      <xsl:call-template name="w-pb">
        <xsl:with-param name="n" select="normalize-space(@n)"/>
        <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
        <xsl:with-param name="block" select="false()"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="not($show-furniture) and not(@break = 'no')">
      <xsl:call-template name="w-string">
        <xsl:with-param name="text" select="' '"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="inline">
    <xsl:call-template name="w-separator">
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      <xsl:with-param name="block" select="false()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cb | tei:gb | tei:anchor" mode="inline">
    <xsl:if test="@xml:id">
      <xsl:call-template name="w-anchor">
        <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Images are not embedded (a page must make no request): a placeholder
       with the figure's description. -->
  <xsl:template match="tei:graphic | tei:media" mode="inline">
    <xsl:call-template name="w-graphic">
      <xsl:with-param name="url" select="normalize-space(@url)"/>
      <xsl:with-param name="description" select="normalize-space(tei:desc)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An image standing between paragraphs: a line with its placeholder. -->
  <xsl:template match="tei:graphic | tei:media" mode="block">
    <xsl:param name="inline"/>
    <xsl:call-template name="w-para">
      <xsl:with-param name="role" select="'graphic'"/>
      <xsl:with-param name="align" select="'center'"/>
      <xsl:with-param name="nodes" select="."/>
      <xsl:with-param name="inline" select="$inline"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:figure" mode="inline" priority="1">
    <xsl:call-template name="block-in-line"/>
  </xsl:template>

  <xsl:template match="m:math" mode="inline">
    <xsl:call-template name="w-math">
      <xsl:with-param name="display" select="false()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:formula[m:math]" mode="inline">
    <xsl:apply-templates select="m:math" mode="inline"/>
  </xsl:template>

  <!-- Word-level TEI (ELTeC level 2): a sentence's words and punctuation go
       through the "words" mode (structure.xsl), which drops the white space
       before closing and after opening punctuation. -->
  <xsl:template match="tei:s" mode="inline">
    <xsl:choose>
      <xsl:when test="@xml:id or @xml:lang">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
          <xsl:with-param name="lang" select="string(@xml:lang)"/>
          <xsl:with-param name="words" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="words"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A word or punctuation mark: its text, with a space before it when the
       source has none and the two are not joined. -->
  <xsl:template match="tei:w | tei:pc" mode="inline">
    <xsl:call-template name="word-space"/>
    <xsl:choose>
      <xsl:when test="* or @xml:id or @xml:lang">
        <xsl:call-template name="transparent"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="w-string">
          <xsl:with-param name="text" select="normalize-space(.)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element shown as its content, keeping its id, language and
       rendition (a span in HTML, nothing in plain text). -->
  <xsl:template name="transparent">
    <xsl:choose>
      <xsl:when test="@rend or @rendition or @style or ($tag-renditions and $tag-renditions[@gi = local-name(current())])">
        <xsl:call-template name="styled"/>
      </xsl:when>
      <xsl:when test="@xml:id or @xml:lang">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
          <xsl:with-param name="lang" select="string(@xml:lang)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other element in a line: its content; reported when unknown. -->
  <xsl:template match="*" mode="inline">
    <xsl:call-template name="report-unknown"/>
    <xsl:call-template name="transparent"/>
  </xsl:template>

</xsl:stylesheet>
